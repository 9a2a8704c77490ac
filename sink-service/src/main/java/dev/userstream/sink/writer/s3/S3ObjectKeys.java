package dev.userstream.sink.writer.s3;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.userstream.sink.writer.IncomingUser;

/**
 * Object keys that depend only on the records, never on the wall clock, so a redelivered record
 * overwrites itself. The only record content in a key is a validated UUID, so content can never
 * steer a key elsewhere. ({@link S3RolledFiles#key} names the {@code batch} layout's files.)
 */
final class S3ObjectKeys {

	private static final String PREFIX = "users/dt=";

	private S3ObjectKeys() {
	}

	static String perRecord(IncomingUser user) {
		return PREFIX + day(user.madeAt()) + "/" + user.userId() + ".json";
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
