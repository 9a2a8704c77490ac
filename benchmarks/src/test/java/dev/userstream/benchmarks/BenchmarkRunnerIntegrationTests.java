package dev.userstream.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the benchmarks compiling and runnable: the whole runner at a tiny size, one repeat (the
 * numbers are not looked at, only the report's shape, the real peer's row and the chart).
 */
class BenchmarkRunnerIntegrationTests {

	/** A number, or n/a where a tiny run's steady window saw no commit (all records committed at once). */
	private static final String VALUE = "(\\d+(\\.\\d+)?|n/a)";

	@Test
	void printsEverySectionAndEndsWithTheRatiosLine(@TempDir Path reports) throws Exception {
		String report = BenchmarkRunner.run(new BenchmarkOptions(2_000, "all", 1, 2, reports.toString()));

		assertThat(report).contains("# userstream benchmark report", "## Database writes", "## S3", "## Producer",
				"## End to end", "## Targets", "load average", "simulated upsert loop (Connect-style)",
				"sink-jpa steady rows/s ≥ 3 × the real Kafka Connect");
		// the real peer ran and wrote every row: its from-launch rate is a number
		assertThat(report).containsPattern("\\| \\*\\*real peer: Kafka Connect \\+ Debezium JDBC sink\\*\\*[^|]*\\| 2,000 \\| [^|]+ \\| [\\d,]+ \\(");
		String[] lines = report.strip().split("\n");
		assertThat(lines[lines.length - 1]).matches("RATIOS jpa_vs_raw=\\d+\\.\\d\\d jpa_vs_peer=\\d+\\.\\d\\d "
				+ "jpa_vs_original=\\d+\\.\\d\\d s3_vs_raw=\\d+\\.\\d\\d producer_vs_bare=\\d+\\.\\d\\d e2e_p99_ms=\\d+ "
				+ "jpa_rows_per_s=" + VALUE + " connect_rows_per_s=" + VALUE + " jpa_vs_connect=" + VALUE
				+ " jpa_cpu_vs_connect=" + VALUE + " e2e_offered_per_s=\\d+ sink_ready_s=\\d+\\.\\d producer_ready_s=\\d+\\.\\d "
				+ "sink_rss_mib=\\d+ producer_rss_mib=\\d+");
		assertThat(reports.resolve("report.md")).hasContent(report);
		byte[] chart = Files.readAllBytes(reports.resolve(BenchmarkChart.FILE));
		assertThat(chart).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
	}

}
