package dev.userstream.sink.writer.s3;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.userstream.sink.writer.IncomingUser;
import org.apache.kafka.common.TopicPartition;

/**
 * Object keys that depend only on the records, never on the wall clock, so a redelivered record or
 * batch overwrites itself. The only record content in a key is a validated UUID, so content can
 * never steer a key elsewhere.
 */
final class S3ObjectKeys {

	private static final String PREFIX = "users/dt=";

	private S3ObjectKeys() {
	}

	static String perRecord(IncomingUser user) {
		return PREFIX + day(user.madeAt()) + "/" + user.userId() + ".json";
	}

	static String batch(TopicPartition partition, long firstOffset, IncomingUser firstUser) {
		return PREFIX + day(firstUser.madeAt()) + "/" + partition.topic() + "+" + partition.partition() + "+"
				+ String.format("%020d", firstOffset) + ".ndjson";
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
