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
	void refusesABadValueNamingTheOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--sink", "mongo"))
			.withMessageContainingAll("'--sink'", "[jpa, s3, all]", "'mongo'", "./bench.sh --help");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--records", "99"))
			.withMessageContainingAll("'--records'", "at least 100");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--repeat", "many"))
			.withMessageContainingAll("'--repeat'", "'many'");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--e2e-seconds"))
			.withMessageContaining("'--e2e-seconds'");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--rate", "5"))
			.withMessageContaining("'--rate'");
	}

	@Test
	void theUsageListsEveryOptionWithItsDefault() {
		assertThat(BenchmarkOptions.parse("--help").help()).isTrue();
		assertThat(BenchmarkOptions.usage()).contains("Usage: ./bench.sh", "--records=N", "(default 200000)", "--sink=jpa|s3|all",
				"(default all)", "--repeat=N", "(default 3)", "--e2e-seconds=N", "(default 20)", "--report-dir=DIR",
				"(default target/bench-report)", "--help");
	}

	@Test
	void readsTheSinkInAnyCaseAndARepeatedOptionTakesItsLastValue() {
		assertThat(BenchmarkOptions.parse("--sink", "JPA").sink()).isEqualTo("jpa");
		assertThat(BenchmarkOptions.parse("--repeat", "2", "--repeat", "4").repeat()).isEqualTo(4);
	}

}
