package dev.userstream.testsupport;

import java.util.List;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The shared in-JVM broker as a {@link KafkaConnectionDetails} bean, the way {@code @ServiceConnection}
 * and Docker Compose support hand a broker to an application, for tests that prove every client
 * follows it rather than {@code spring.kafka.bootstrap-servers}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedKafkaConnectionDetails {

	@Bean
	KafkaConnectionDetails embeddedKafkaConnectionDetails() {
		return () -> List.of(EmbeddedKafka.bootstrapServers());
	}

}
