package dev.userstream.producer.job;

import java.time.Duration;

import dev.userstream.producer.TestKeys;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.EmbeddedKafkaConnectionDetails;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot's {@link KafkaConnectionDetails} win over {@code spring.kafka.bootstrap-servers} (a port where
 * nothing listens) for every client the producer makes: the topic's creation and readiness check, the
 * health probe, the publisher. Users are published and readiness is UP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:9", "producer.schedule.enabled=false",
				"producer.source=synthetic", "producer.batch-size=20", "pipeline.topic=details-it-producer" })
@Import(EmbeddedKafkaConnectionDetails.class)
class KafkaConnectionDetailsIntegrationTests {

	@DynamicPropertySource
	static void encryptionKeys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", TestKeys::generate);
	}

	@LocalManagementPort
	int managementPort;

	@Autowired
	FetchAndPublishJob job;

	@Test
	void everyKafkaClientUsesTheConnectionDetails() {
		this.job.runOnce();

		KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());
		assertThat(clients.recordCount("details-it-producer")).isEqualTo(20);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				Http.get("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness").status()).isEqualTo(200));
	}

}
