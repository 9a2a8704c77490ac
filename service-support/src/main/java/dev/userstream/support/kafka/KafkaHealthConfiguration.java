package dev.userstream.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The health both services report about Kafka: {@code kafka} (the brokers answer, through one cached
 * probe whose admin client has Boot's {@link KafkaAdmin} settings, hence {@code KafkaConnectionDetails}
 * and the SASL login) and {@code listeners} (every listener container consumes). Readiness groups pick
 * them in each service's {@code application.yaml}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class KafkaHealthConfiguration {

	@Bean
	KafkaClusterProbe kafkaClusterProbe(KafkaAdmin kafkaAdmin) {
		return new KafkaClusterProbe(kafkaAdmin);
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaClusterProbe kafkaClusterProbe) {
		return new KafkaHealthIndicator(kafkaClusterProbe);
	}

	@Bean
	ListenerContainersHealthIndicator listenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
		return new ListenerContainersHealthIndicator(registry);
	}

}
