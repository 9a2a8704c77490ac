package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Publishes rejected records to the dead-letter topic and waits for the broker's acknowledgement, so
 * their offsets are committed only once they are safe there. A record too large for the topic is
 * dead-lettered without its value (header {@value #VALUE_DROPPED_HEADER}), never retried forever.
 */
@Component
class DeadLetters {

	/** Set, to the value's size in bytes, on a dead letter whose value was too large to keep. */
	static final String VALUE_DROPPED_HEADER = "userstream-dlt-value-dropped";

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	/** Room for the key, the headers that explain the rejection and the record's framing. */
	private static final int HEADROOM = 16 * 1024;

	private final DeadLetterPublishingRecoverer recoverer;

	private final SinkMetrics metrics;

	private final long maxValueSize;

	DeadLetters(DeadLetterPublishingRecoverer recoverer, SinkMetrics metrics, DeadLetterProperties properties) {
		this.recoverer = recoverer;
		this.metrics = metrics;
		this.maxValueSize = properties.maxRecordSize().toBytes() - HEADROOM;
	}

	void publish(List<RecordTriage.Rejected> rejected) {
		for (RecordTriage.Rejected each : rejected) {
			if (each.record().serializedValueSize() > this.maxValueSize) {
				publishWithoutValue(each); // the producer would refuse it (max.request.size)
			}
			else {
				publish(each);
			}
			this.metrics.deadLettered(each.cause().reason());
		}
	}

	private void publish(RecordTriage.Rejected rejected) {
		try {
			this.recoverer.accept(rejected.record(), rejected.cause());
		}
		catch (RuntimeException ex) {
			if (!tooLarge(ex)) {
				throw ex; // the dead-letter topic is away: an outage, retried
			}
			publishWithoutValue(rejected); // the topic refused it (a smaller max.message.bytes)
		}
	}

	/** Retrying a record too large for the topic would loop forever: its value is left out. */
	private void publishWithoutValue(RecordTriage.Rejected rejected) {
		ConsumerRecord<String, UserMessage> record = rejected.record();
		logger.warn("Record {}-{}@{} is too large for the dead-letter topic; dead-lettering it without its value",
				record.topic(), record.partition(), record.offset());
		RecordHeaders headers = new RecordHeaders();
		record.headers().forEach((header) -> {
			if (!header.key().equals(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)) {
				headers.add(header);
			}
		});
		headers.add(VALUE_DROPPED_HEADER, Integer.toString(record.serializedValueSize()).getBytes(StandardCharsets.UTF_8));
		this.recoverer.accept(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
				record.timestampType(), record.serializedKeySize(), 0, record.key(), null, headers, record.leaderEpoch()),
				rejected.cause());
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException) {
				return true;
			}
		}
		return false;
	}

}
