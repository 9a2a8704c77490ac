package dev.userstream.sink.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.EmbeddedKafkaConnectionDetails;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot's {@link KafkaConnectionDetails} (what {@code @ServiceConnection}, Docker Compose support and cloud
 * bindings provide) win over {@code spring.kafka.bootstrap-servers}, here a port where nothing listens,
 * for every client the sink makes: the consumer, the dead-letter producer, the admin clients of topic
 * creation and of the health checks. Records are stored and dead-lettered, and readiness is UP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:9", "pipeline.topic=details-it-users",
				"spring.kafka.consumer.group-id=details-it" })
@ActiveProfiles("jpa")
@Import({ EmbeddedKafkaConnectionDetails.class, DatabaseTestConfiguration.class })
class KafkaConnectionDetailsIntegrationTests {

	static final String TOPIC = "details-it-users";

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyKafkaClientUsesTheConnectionDetails() {
		KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());
		clients.createTopic(TOPIC, 1);
		UserRecord user = TestUsers.user(1);
		try (KafkaProducer<String, byte[]> producer = clients.producer()) {
			producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user)));
			producer.send(new ProducerRecord<>(TOPIC, "bad", "not json".getBytes(StandardCharsets.UTF_8)));
		}

		List<ConsumerRecord<String, byte[]>> deadLetters = clients.readAll(TOPIC + "-dlt", 1, Duration.ofSeconds(60));
		assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactly("bad");
		await().atMost(Duration.ofSeconds(30)).until(() -> TestUsers.storedCount(this.jdbc, List.of(user.userId())) == 1);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				Http.get("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness").status()).isEqualTo(200));
	}

}
