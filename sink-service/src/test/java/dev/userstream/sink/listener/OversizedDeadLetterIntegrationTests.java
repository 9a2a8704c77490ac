package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bad record larger than the dead-letter topic takes ({@code sink.dead-letter.max-record-size} set
 * below it here) is dead-lettered once without its value, with its reason and its size, instead of
 * being retried forever; the records after it are stored.
 */
@SpringBootTest(properties = { "pipeline.topic=oversized-it-users", "spring.kafka.consumer.group-id=oversized-it",
		"sink.dead-letter.max-record-size=256KB" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class })
class OversizedDeadLetterIntegrationTests {

	static final String TOPIC = "oversized-it-users";

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> TestUsers.KEY);
	}

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void deadLettersARecordTooLargeForTheDeadLetterTopicWithoutItsValue() {
		KafkaTestClients clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		clients.createTopic(TOPIC, 1, Map.of("max.message.bytes", Integer.toString(2 * 1024 * 1024)));
		UserRecord u = TestUsers.user(1);
		UserRecord huge = new UserRecord(u.userId(), "x".repeat(1024 * 1024), u.gender(), u.country(), u.state(), u.city(),
				u.email(), u.dob(), u.username(), u.password(), u.source(), u.producedAt(), u.schemaVersion());
		UserRecord after = TestUsers.user(2);
		try (KafkaProducer<String, byte[]> producer = clients.producer(Map.of("max.request.size", 2 * 1024 * 1024))) {
			producer.send(new ProducerRecord<>(TOPIC, huge.userId(), TestUsers.json(huge)));
			producer.send(new ProducerRecord<>(TOPIC, after.userId(), TestUsers.json(after)));
		}

		List<ConsumerRecord<String, byte[]>> deadLetters = clients.readAll(TOPIC + "-dlt", 1, Duration.ofSeconds(60));
		assertThat(deadLetters).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo(huge.userId());
			assertThat(record.value()).isNull();
			assertThat(header(record, KafkaErrorHandlingConfiguration.REASON_HEADER)).isEqualTo("invalid_field");
			assertThat(Integer.parseInt(header(record, DeadLetters.VALUE_DROPPED_HEADER))).isGreaterThan(1024 * 1024);
			assertThat(header(record, "kafka_dlt-original-offset")).isNotNull();
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> TestUsers.storedCount(this.jdbc, List.of(after.userId())) == 1);
		assertThat(clients.recordCount(TOPIC + "-dlt")).isEqualTo(1);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
