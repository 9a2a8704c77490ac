package dev.userstream.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real Kafka broker for a test context: the shared in-JVM KRaft broker, or with {@code -Pcontainers}
 * an {@code apache/kafka} container through {@code @ServiceConnection}. Either way the application's
 * {@code KafkaConnectionDetails} point at it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KafkaTestConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersCondition.class)
	static class Containers {

		@Bean
		@ServiceConnection
		KafkaContainer kafkaContainer() {
			// like the embedded broker: a consumer that subscribes first must not create a test's topic
			// with the broker's defaults before the test creates it with its own configs
			return new KafkaContainer(DockerImageName.parse(System.getProperty("userstream.test.kafka-image", "apache/kafka:4.1.1")))
				.withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
				.withStartupTimeout(TestServices.CONTAINER_STARTUP_TIMEOUT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersCondition.Embedded.class)
	static class Embedded {

		@Bean
		DynamicPropertyRegistrar embeddedKafkaProperties() {
			return (registry) -> registry.add("spring.kafka.bootstrap-servers", EmbeddedKafka::bootstrapServers);
		}

	}

}
