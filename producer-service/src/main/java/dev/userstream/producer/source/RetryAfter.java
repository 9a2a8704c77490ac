package dev.userstream.producer.source;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * How long the server asked us to wait.
	 * @param header the header value, possibly null
	 * @param clock now, for HTTP-dates
	 * @return the wait (zero for dates in the past), or null when absent or unreadable
	 */
	static Duration parse(String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		if (value.chars().allMatch(Character::isDigit)) {
			return Duration.ofSeconds((value.length() > 9) ? 999_999_999L : Long.parseLong(value));
		}
		try {
			Duration wait = Duration.between(clock.instant(),
					ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
