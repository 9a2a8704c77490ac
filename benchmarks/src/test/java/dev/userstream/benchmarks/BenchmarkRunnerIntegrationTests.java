package dev.userstream.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the benchmarks compiling and runnable: the whole runner at a tiny size, one repeat (the
 * numbers are not looked at, only the report's shape).
 */
class BenchmarkRunnerIntegrationTests {

	@Test
	void printsEverySectionAndEndsWithTheRatiosLine() {
		String report = BenchmarkRunner.run(new BenchmarkOptions(500, "all", 1, 2));

		assertThat(report).contains("# userstream benchmark report", "## Database writes", "## S3", "## Producer",
				"## End to end", "## Targets", "load average");
		String[] lines = report.strip().split("\n");
		assertThat(lines[lines.length - 1]).matches("RATIOS jpa_vs_raw=\\d+\\.\\d\\d jpa_vs_peer=\\d+\\.\\d\\d "
				+ "jpa_vs_original=\\d+\\.\\d\\d s3_vs_raw=\\d+\\.\\d\\d producer_vs_bare=\\d+\\.\\d\\d e2e_p99_ms=\\d+");
	}

}
