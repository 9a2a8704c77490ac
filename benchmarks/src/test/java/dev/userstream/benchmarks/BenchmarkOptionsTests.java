package dev.userstream.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

	@Test
	void readsTheOptionsOfBenchSh() {
		BenchmarkOptions options = BenchmarkOptions.parse("--records", "50000", "--sink", "s3", "--repeat", "5");
		assertThat(options).isEqualTo(new BenchmarkOptions(50_000, "s3", 5, 20));
		assertThat(options.jpa()).isFalse();
		assertThat(options.originalRecords()).isEqualTo(5_000);
	}

	@Test
	void takesTheReportDirectory() {
		assertThat(BenchmarkOptions.parse("--report-dir", "/tmp/out").reportDirectory()).isEqualTo("/tmp/out");
		assertThat(BenchmarkOptions.parse().reportDirectory()).isEqualTo("target/bench-report");
		assertThat(BenchmarkOptions.parse().records()).isEqualTo(200_000);
	}

	@Test
	void warmsUpOnTheFirstFifthOfTheRecords() {
		assertThat(BenchmarkOptions.warmup(200_000)).isEqualTo(40_000);
		assertThat(BenchmarkOptions.warmup(2_000)).isEqualTo(400);
	}

	@Test
	void givesTheS3PerRecordLayoutMoreThanOnePollOfUsersOnATinyRun() {
		// one poll holds up to 500 records: with fewer, the steady window saw no commit and the rate came out 0
		BenchmarkOptions tiny = BenchmarkOptions.parse("--records", "2000");
		assertThat(tiny.s3PerRecordRecords() - BenchmarkOptions.warmup(tiny.s3PerRecordRecords())).isGreaterThan(2 * 500);
		assertThat(tiny.users()).isGreaterThanOrEqualTo(tiny.s3PerRecordRecords());
	}

	@Test
	void refusesAnUnknownSinkWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--sink", "mongo"))
			.withMessageContaining("usage: bench.sh");
	}

}
