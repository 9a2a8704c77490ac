package dev.userstream.local;

import java.time.Duration;
import java.util.EnumSet;

import dev.userstream.local.LocalRunOptions.Store;
import dev.userstream.local.LocalRunOptions.UsageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRunOptionsTests {

	@Test
	void defaultsAreTheIssuesDefaults() {
		LocalRunOptions options = LocalRunOptions.parse();
		assertThat(options.sinks()).containsExactly(Store.JPA);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.rate()).isEqualTo(100);
		assertThat(options.source()).isEqualTo("synthetic");
		assertThat(options.infraOnly()).isFalse();
		assertThat(options.help()).isFalse();
	}

	@Test
	void everyOptionIsRead() {
		LocalRunOptions options = LocalRunOptions.parse("--sink", "both", "--duration", "2m", "--rate", "5000",
				"--source", "randomuser", "--infra-only", "--keep", "--help");
		assertThat(options.sinks()).isEqualTo(EnumSet.allOf(Store.class));
		assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
		assertThat(options.rate()).isEqualTo(5000);
		assertThat(options.source()).isEqualTo("randomuser");
		assertThat(options.infraOnly()).isTrue();
		assertThat(options.keep()).isTrue();
		assertThat(options.help()).isTrue();
		assertThat(LocalRunOptions.parse("--sink", "s3").sinks()).containsExactly(Store.S3);
	}

	@Test
	void durationsTakeTheUsualUnitsAndBareSeconds() {
		assertThat(LocalRunCommandLine.duration("20s")).isEqualTo(Duration.ofSeconds(20));
		assertThat(LocalRunCommandLine.duration("45")).isEqualTo(Duration.ofSeconds(45));
		assertThat(LocalRunCommandLine.duration("1500ms")).isEqualTo(Duration.ofMillis(1500));
		assertThat(LocalRunCommandLine.duration("1h")).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void badCommandLinesNameTheOptionAndSayWhatToChange() {
		assertThatThrownBy(() -> LocalRunOptions.parse("--sink", "mysql")).isInstanceOf(UsageException.class)
			.hasMessageContainingAll("'--sink'", "[jpa, s3, both]", "'mysql'");
		assertThatThrownBy(() -> LocalRunOptions.parse("--duration", "soon"))
			.hasMessageContainingAll("'--duration'", "must look like 30s");
		assertThatThrownBy(() -> LocalRunOptions.parse("--duration", "200ms")).hasMessageContainingAll("'--duration'", "at least 1s");
		assertThatThrownBy(() -> LocalRunOptions.parse("--rate", "0")).hasMessageContainingAll("'--rate'", "from 1 to 50000");
		assertThatThrownBy(() -> LocalRunOptions.parse("--rate", "fast")).hasMessageContainingAll("'--rate'", "not 'fast'");
		assertThatThrownBy(() -> LocalRunOptions.parse("--source", "csv")).hasMessageContainingAll("'--source'", "[synthetic, randomuser]", "'csv'");
		assertThatThrownBy(() -> LocalRunOptions.parse("--rate")).hasMessageContaining("'--rate'");
		assertThatThrownBy(() -> LocalRunOptions.parse("--sink", "--rate", "5")).hasMessageContaining("'--sink'");
		assertThatThrownBy(() -> LocalRunOptions.parse("--verbose")).hasMessageContaining("'--verbose'");
	}

	@Test
	void theUsageListsEveryOptionWithItsDefault() {
		assertThat(LocalRunOptions.usage()).contains("Usage: ./run-local.sh", "--sink=jpa|s3|both", "(default jpa)",
				"--duration=30s", "(default 30s;", "--rate=N", "(default 100)", "--source=synthetic|randomuser",
				"(default synthetic)", "--keep", "--infra-only", "--help", "SUMMARY produced=N", ".local-run/");
	}

	@Test
	void aRepeatedOptionTakesItsLastValue() {
		assertThat(LocalRunOptions.parse("--rate", "5", "--rate", "7").rate()).isEqualTo(7);
	}

	@Test
	void theRateBecomesAboutTenFetchesASecond() {
		assertThat(LocalRunOptions.parse("--rate", "100").pace())
			.isEqualTo(new LocalRunOptions.ProducerPace(10, Duration.ofMillis(100)));
		assertThat(LocalRunOptions.parse("--rate", "5").pace())
			.isEqualTo(new LocalRunOptions.ProducerPace(1, Duration.ofMillis(200)));
		assertThat(LocalRunOptions.parse("--rate", "50000").pace())
			.isEqualTo(new LocalRunOptions.ProducerPace(5000, Duration.ofMillis(100)));
	}

}
