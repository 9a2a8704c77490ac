package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import dev.userstream.support.kafka.TopicReplicationProperties;
import dev.userstream.model.Topics;
import dev.userstream.sink.SinkProperties;
import dev.userstream.sink.health.PipelineHealthIndicator;
import dev.userstream.sink.writer.BufferingWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Dead letters and retries. Invalid records are dead-lettered by the listener itself, in one pass
 * per batch, through {@link DeadLetterPublishingRecoverer} (original bytes, the standard
 * {@code kafka_dlt-*} headers, plus {@value #REASON_HEADER} and {@value #REASON_DETAIL_HEADER}); the
 * topic and its producer take records up to {@code sink.dead-letter.max-record-size}. Every exception that reaches the error
 * handler is an outage (a store, the dead-letter topic, the keys, or a failure nobody foresaw): the whole
 * batch is retried with exponential backoff and no limit, the consumer paused but kept in its group, and
 * a batch that succeeds on a retry is committed at once.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandlingConfiguration {

	static final String REASON_HEADER = "userstream-dlt-reason";

	/**
	 * The failing fields and rules, never the values. Its own header because spring-kafka's
	 * {@code kafka_dlt-exception-message} carries the deserializer's message for a value that could not
	 * be read, which names no field.
	 */
	static final String REASON_DETAIL_HEADER = "userstream-dlt-reason-detail";

	private static final Logger logger = LoggerFactory.getLogger(KafkaErrorHandlingConfiguration.class);

	/**
	 * Built from Boot's producer factory, so it has what Boot gave that factory: the bootstrap servers and
	 * security of {@code KafkaConnectionDetails} (Testcontainers, Docker Compose, cloud bindings), not only
	 * {@code spring.kafka.*}. Waits for metadata and acknowledgements are bounded well below
	 * {@code max.poll.interval.ms}: a missing topic fails a batch in seconds, as an outage.
	 */
	@Bean
	KafkaTemplate<String, Object> deadLetterKafkaTemplate(ProducerFactory<?, ?> producerFactory, DeadLetterProperties deadLetter) {
		Map<String, Object> producer = new HashMap<>(producerFactory.getConfigurationProperties());
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) deadLetter.maxRecordSize().toBytes());
		producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new DeadLetterSerializer()));
	}

	@Bean
	DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<String, Object> deadLetterKafkaTemplate) {
		DeadLetterPublishingRecoverer recoverer = new QuietDeadLetterPublishingRecoverer(deadLetterKafkaTemplate);
		recoverer.setHeadersFunction((record, ex) -> {
			InvalidRecordException invalid = find(ex, InvalidRecordException.class);
			String reason = (invalid != null) ? invalid.reason() : "unknown";
			RecordHeaders headers = new RecordHeaders();
			headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
			if (invalid != null) {
				headers.add(REASON_DETAIL_HEADER, invalid.getMessage().getBytes(StandardCharsets.UTF_8));
			}
			return headers;
		});
		return recoverer;
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(RetryProperties retry, PipelineHealthIndicator health,
			ObjectProvider<BufferingWriter> buffering) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			throw new IllegalStateException("Retries of a failed batch ended; the batch stays uncommitted", ex);
		}, backOff);
		// a batch the handler's retries completed is committed now, not with the next batch; but not when a writer
		// holds users in open files: the listener has committed what is durable, the batch's end may not be
		handler.setAckAfterHandle(buffering.getIfAvailable() == null);
		handler.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
				unforeseen(1, ex, deliveryAttempt);
			}

			@Override
			public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
				unforeseen(records.count(), ex, deliveryAttempt);
			}

			// outages the listener knows have set readiness and logged already; anything else is said here
			private void unforeseen(int records, Exception ex, int attempt) {
				if (find(ex, BatchOutageException.class) == null) {
					Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
					health.failed("listener", ex, null);
					logger.warn("A batch of {} records failed ({}), attempt {}; retrying it with backoff", records,
							cause.getClass().getName(), attempt);
				}
			}

		});
		return handler;
	}

	@Bean
	NewTopic deadLetterTopic(SinkProperties properties, DeadLetterProperties deadLetter, TopicReplicationProperties replication) {
		return replication.applyTo(TopicBuilder.name(Topics.deadLetter(properties.topic()))
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(deadLetter.maxRecordSize().toBytes())))
			.build();
	}

	static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/**
	 * Publishes and waits like its parent, without its ERROR line per failed send: the listener reports a
	 * dead-letter outage once per retry, with readiness.
	 */
	static final class QuietDeadLetterPublishingRecoverer extends DeadLetterPublishingRecoverer {

		QuietDeadLetterPublishingRecoverer(KafkaTemplate<String, Object> template) {
			super(template, (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		}

		@Override
		protected void publish(ProducerRecord<Object, Object> outRecord, KafkaOperations<Object, Object> kafkaTemplate,
				ConsumerRecord<?, ?> inRecord) {
			verifySendResult(kafkaTemplate, outRecord, kafkaTemplate.send(outRecord), inRecord);
		}

	}

}
