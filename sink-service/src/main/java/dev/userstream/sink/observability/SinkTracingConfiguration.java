package dev.userstream.sink.observability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Tracing across Kafka for the batch listener. {@code spring.kafka.listener.observation-enabled} alone
 * observes record listeners only; with record observations in batch, every consumed record gets a
 * consume span in its producer's trace (its {@code traceparent} header), so one trace runs from the
 * producer's HTTP request or fetch to the sink. A dead letter keeps the record's headers, its
 * {@code traceparent} too, so the dead-letter topic carries the same trace id. Spans leave the process
 * only when export is on (docs/operations.md, "Tracing").
 */
@Configuration(proxyBeanMethods = false)
class SinkTracingConfiguration {

	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> recordObservationsInBatch() {
		return (container) -> container.getContainerProperties().setRecordObservationsInBatch(true);
	}

}
