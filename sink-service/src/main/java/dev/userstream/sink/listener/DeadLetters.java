package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Publishes rejected records to the dead-letter topic and waits for the broker's acknowledgement, so
 * their offsets are committed only once they are safe there. Dead letters are at-least-once: a batch
 * retried after a failure part-way publishes the first ones again.
 * <p>
 * A record too large for the topic is dead-lettered without its value (header
 * {@value #VALUE_DROPPED_HEADER}); if even that is refused, without its key and original headers too; and a
 * record the topic refuses in that form as well is counted ({@code userstream.dead_letter.dropped}) and logged
 * with its position, never retried: nothing here can loop. A topic that is missing or not writable is an
 * outage: {@link #recover} creates it where the broker allows, and the listener retries with backoff.
 */
@Component
class DeadLetters {

	/** Set, to the value's size in bytes, on a dead letter whose value was too large to keep. */
	static final String VALUE_DROPPED_HEADER = "userstream-dlt-value-dropped";

	/** Set, to the key's size in bytes, on a dead letter whose key and headers were left out as well. */
	static final String KEY_DROPPED_HEADER = "userstream-dlt-key-dropped";

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	/** Room for the key, the headers that explain the rejection and the record's framing. */
	private static final int HEADROOM = 16 * 1024;

	private final DeadLetterPublishingRecoverer recoverer;

	private final SinkMetrics metrics;

	private final long maxValueSize;

	private final KafkaAdmin admin;

	private final NewTopic topic;

	DeadLetters(DeadLetterPublishingRecoverer recoverer, SinkMetrics metrics, DeadLetterProperties properties,
			KafkaAdmin admin, NewTopic deadLetterTopic) {
		this.recoverer = recoverer;
		this.metrics = metrics;
		this.maxValueSize = properties.maxRecordSize().toBytes() - HEADROOM;
		this.admin = admin;
		this.topic = deadLetterTopic;
	}

	void publish(List<RecordTriage.Rejected> rejected) {
		for (RecordTriage.Rejected each : rejected) {
			ConsumerRecord<String, UserMessage> record = each.record();
			boolean fits = record.serializedValueSize() + Math.max(record.serializedKeySize(), 0) <= this.maxValueSize;
			if (!fits || !tryPublish(record, each.cause())) { // else the producer would refuse it (max.request.size)
				publishStripped(each);
			}
			this.metrics.deadLettered(each.cause().reason());
		}
	}

	/**
	 * Called when {@link #publish} failed: creates the topic if the failure says it is missing and the
	 * broker lets the sink create it.
	 * @return a one-line cause for readiness and the log
	 */
	String recover(RuntimeException failure) {
		if (has(failure, TopicAuthorizationException.class)) {
			return "not authorized to write to " + this.topic.name();
		}
		if (has(failure, UnknownTopicOrPartitionException.class) || has(failure, TimeoutException.class)
				|| has(failure, java.util.concurrent.TimeoutException.class)) {
			try {
				this.admin.createOrModifyTopics(this.topic);
				return this.topic.name() + " was missing or not answering; asked the broker to create it";
			}
			catch (RuntimeException ex) {
				return this.topic.name() + " is missing or not answering, and could not be created ("
						+ ex.getClass().getSimpleName() + ")";
			}
		}
		return null;
	}

	/** @return {@code false} when the topic refused the record as too large; an outage throws */
	private boolean tryPublish(ConsumerRecord<String, UserMessage> record, InvalidRecordException cause) {
		try {
			this.recoverer.accept(record, cause);
			return true;
		}
		catch (RuntimeException ex) {
			if (!has(ex, RecordTooLargeException.class)) {
				throw ex; // the dead-letter topic is away: an outage, retried
			}
			return false; // the topic refused it (a smaller max.message.bytes)
		}
	}

	/** Retrying a record too large for the topic would loop forever: its value, then more, is left out. */
	private void publishStripped(RecordTriage.Rejected rejected) {
		ConsumerRecord<String, UserMessage> record = rejected.record();
		String where = record.topic() + "-" + record.partition() + "@" + record.offset();
		logger.warn("Record {} is too large for the dead-letter topic; dead-lettering it without its value", where);
		RecordHeaders headers = new RecordHeaders();
		record.headers().forEach((header) -> {
			// the recoverer would publish the bytes this header carries as the value
			if (!header.key().equals(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)) {
				headers.add(header);
			}
		});
		headers.add(VALUE_DROPPED_HEADER, bytes(record.serializedValueSize()));
		if (tryPublish(copy(record, record.key(), headers), rejected.cause())) {
			return;
		}
		RecordHeaders bare = new RecordHeaders();
		bare.add(VALUE_DROPPED_HEADER, bytes(record.serializedValueSize()));
		bare.add(KEY_DROPPED_HEADER, bytes(record.serializedKeySize()));
		if (tryPublish(copy(record, null, bare), rejected.cause())) {
			return;
		}
		logger.error("Record {} ({}) is refused by the dead-letter topic even without key, value and headers; it is"
				+ " dropped. Raise the topic's max.message.bytes (sink.dead-letter.max-record-size)", where,
				rejected.cause().reason());
		this.metrics.deadLetterDropped(rejected.cause().reason());
	}

	private static ConsumerRecord<String, UserMessage> copy(ConsumerRecord<String, UserMessage> record, String key,
			RecordHeaders headers) {
		return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
				record.timestampType(), (key != null) ? record.serializedKeySize() : 0, 0, key, null, headers,
				record.leaderEpoch());
	}

	private static byte[] bytes(int size) {
		return Integer.toString(size).getBytes(StandardCharsets.UTF_8);
	}

	private static boolean has(Throwable ex, Class<? extends Throwable> type) {
		return KafkaErrorHandlingConfiguration.find(ex, type) != null;
	}

}
