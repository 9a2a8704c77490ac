package dev.userstream.sink.writer.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;

import dev.userstream.sink.writer.IncomingUser;

/**
 * Object keys that depend only on the records, never on the wall clock, so a redelivered record
 * overwrites itself. The only record content in a key is a validated UUID (and a hash), so content can
 * never steer a key elsewhere. ({@link S3RolledFiles#key} names the {@code batch} layout's files.)
 */
final class S3ObjectKeys {

	private static final String PREFIX = "users/dt=";

	private S3ObjectKeys() {
	}

	/**
	 * The object of one version of a user: {@code users/dt=<day>/user_id=<id>/<version>.json}, the version
	 * being the epoch milliseconds of {@code produced_at} (else of the Kafka timestamp), 13 digits so that
	 * keys sort by time, and the first 16 hex digits of the SHA-256 of the object's JSON, which tells
	 * apart two versions made in the same millisecond. A redelivered record has the same JSON, hence the
	 * same key and bytes; another version has another key, so no version overwrites another.
	 * @param user the user
	 * @param json the object's content, the user's JSON
	 * @return the key
	 */
	static String perRecord(IncomingUser user, String json) {
		return PREFIX + day(user.madeAt()) + "/user_id=" + user.userId() + "/"
				+ String.format("%013d", user.madeAt().toEpochMilli()) + "-" + shortHash(json) + ".json";
	}

	private static String shortHash(String json) {
		try {
			byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex); // every JDK has it
		}
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
