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
	void refusesAnUnknownSinkWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--sink", "mongo"))
			.withMessageContaining("usage: bench.sh");
	}

}
