package dev.userstream.producer.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsDelaySeconds() {
		assertThat(RetryAfter.parse(" 30 ", CLOCK)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetryAfter.parse("0", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsAnHttpDateRelativeToNow() {
		assertThat(RetryAfter.parse("Sun, 22 Nov 2026 01:01:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(90));
		assertThat(RetryAfter.parse("Sun, 22 Nov 2026 00:59:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void ignoresWhatItCannotRead() {
		assertThat(RetryAfter.parse(null, CLOCK)).isNull();
		assertThat(RetryAfter.parse("", CLOCK)).isNull();
		assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
		assertThat(RetryAfter.parse("-5", CLOCK)).isNull();
	}

	@Test
	void capsAbsurdlyLongDelays() {
		assertThat(RetryAfter.parse("99999999999999999999999", CLOCK)).isEqualTo(Duration.ofSeconds(999_999_999));
	}

}
