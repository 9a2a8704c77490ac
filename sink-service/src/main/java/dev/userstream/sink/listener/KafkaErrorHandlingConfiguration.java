package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;

import dev.userstream.kafka.TopicReplicationProperties;
import dev.userstream.model.Topics;
import dev.userstream.sink.SinkProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Dead letters and retries. Invalid records are dead-lettered by the listener itself, in one pass
 * per batch, through {@link DeadLetterPublishingRecoverer} (original bytes, the standard
 * {@code kafka_dlt-*} headers, plus {@value #REASON_HEADER}); the topic and its producer take records
 * up to {@code sink.dead-letter.max-record-size}. Every exception that reaches the error
 * handler is a failure of the store or of the dead-letter topic, i.e. an outage: the whole batch is
 * retried with exponential backoff and no limit, the consumer paused but kept in its group.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandlingConfiguration {

	static final String REASON_HEADER = "userstream-dlt-reason";

	@Bean
	KafkaTemplate<String, Object> deadLetterKafkaTemplate(KafkaProperties kafkaProperties, DeadLetterProperties deadLetter) {
		var producer = kafkaProperties.buildProducerProperties();
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) deadLetter.maxRecordSize().toBytes());
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new DeadLetterSerializer()));
	}

	@Bean
	DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<String, Object> deadLetterKafkaTemplate) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterKafkaTemplate,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		recoverer.setHeadersFunction((record, ex) -> {
			String reason = (ex instanceof InvalidRecordException invalid) ? invalid.reason() : "unknown";
			return new RecordHeaders().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
		});
		return recoverer;
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(RetryProperties retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			throw new IllegalStateException("Retries of a failed store ended; the batch stays uncommitted", ex);
		}, backOff);
		handler.setAckAfterHandle(false);
		return handler;
	}

	@Bean
	NewTopic deadLetterTopic(SinkProperties properties, DeadLetterProperties deadLetter, TopicReplicationProperties replication) {
		return replication.applyTo(TopicBuilder.name(Topics.deadLetter(properties.topic()))
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(deadLetter.maxRecordSize().toBytes())))
			.build();
	}

}
