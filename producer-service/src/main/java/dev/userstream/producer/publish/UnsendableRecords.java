package dev.userstream.producer.publish;

import dev.userstream.model.UserRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that no retry can ever send: larger than the producer's {@code max.request.size} or the
 * topic's {@code max.message.bytes}, or that do not serialize. Kept, they would be sent again before
 * every later fetch and block the producer for good; they are dropped, counted in
 * {@code userstream.publish.dropped{reason}} and logged with their key and the reason.
 */
final class UnsendableRecords {

	private static final Logger logger = LoggerFactory.getLogger(UnsendableRecords.class);

	private final MeterRegistry meterRegistry;

	UnsendableRecords(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	/** The meter's reason when no retry can ever send a record that failed so, else null. */
	static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
				return "too_large";
			}
			if (cause instanceof SerializationException) {
				return "not_serializable";
			}
		}
		return null;
	}

	/** Counts and logs the record when the failure means it can never be sent; false when a retry may send it. */
	boolean dropIfUnsendable(UserRecord record, String topic, Throwable failure) {
		String reason = reason(failure);
		if (reason == null) {
			return false;
		}
		Counter.builder("userstream.publish.dropped")
			.description("Records that can never be sent (too large, not serializable), dropped instead of retried")
			.tag("reason", reason)
			.register(this.meterRegistry)
			.increment();
		// the exception's class only: a serializer's message may quote the record
		logger.warn("Dropped user_id {}: it can never be sent to {} ({}, {})", record.userId(), topic, reason,
				failure.getClass().getName());
		return true;
	}

}
