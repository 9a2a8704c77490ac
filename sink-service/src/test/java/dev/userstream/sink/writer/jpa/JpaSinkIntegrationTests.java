package dev.userstream.sink.writer.jpa;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The jpa profile end to end: records on the real broker, rows in the real database. */
@SpringBootTest(properties = { "pipeline.topic=jpa-it-users", "spring.kafka.consumer.group-id=jpa-it" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class })
class JpaSinkIntegrationTests {

	static final String TOPIC = "jpa-it-users";

	static final String GROUP = "jpa-it";

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", TestUsers::keysWithOriginal);
	}

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	KafkaTestClients clients;

	@BeforeEach
	void createTopic() {
		this.clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		this.clients.createTopic(TOPIC, 3);
	}

	@Test
	void storesEachUserOnceWithTheFieldsAsSentAndIgnoresTheSameRecordsSentAgain() {
		List<UserRecord> users = TestUsers.users(300);
		send(users);
		await().atMost(Duration.ofSeconds(60)).until(() -> countOf(users) == users.size());
		for (UserRecord user : users.subList(0, 20)) {
			assertStoredAsSent(user);
		}
		send(users);
		this.clients.awaitConsumed(GROUP, TOPIC, Duration.ofSeconds(60));
		assertThat(countOf(users)).isEqualTo(users.size());
	}

	@Test
	void storesTheOriginalProducersRecordsOnceEvenWhenTheyAreDeliveredAgain() throws Exception {
		List<String> ids = TestUsers.originalProducerMessages()
			.stream()
			.map((json) -> UUID.nameUUIDFromBytes(json.getBytes(StandardCharsets.UTF_8)).toString())
			.toList();
		ids.forEach((id) -> this.jdbc.update("DELETE FROM users WHERE user_id = ?", id)); // a database kept from an earlier run
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			for (String json : TestUsers.originalProducerMessages()) {
				producer.send(new ProducerRecord<>(TOPIC, null, json.getBytes(StandardCharsets.UTF_8))).get();
			}
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> countOfIds(ids) == 3);
		Map<String, Object> omer = this.jdbc.queryForMap("SELECT * FROM users WHERE user_id = ?", ids.get(2));
		assertThat(omer).containsEntry("name", "Ömer Özdemir").containsEntry("state", "Kırşehir").containsEntry("source", null);
		assertThat(omer.get("dob_date").toString()).isEqualTo("1988-02-29");

		TestUsers.redeliverEverything(this.listeners, this.clients, GROUP, TOPIC);
		assertThat(countOfIds(ids)).isEqualTo(3);
	}

	private void assertStoredAsSent(UserRecord user) {
		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM users WHERE user_id = ?", user.userId());
		assertThat(row).containsEntry("name", user.name())
			.containsEntry("gender", user.gender())
			.containsEntry("country", user.country())
			.containsEntry("state", user.state())
			.containsEntry("city", user.city())
			.containsEntry("email", user.email())
			.containsEntry("username", user.username())
			.containsEntry("password", user.password())
			.containsEntry("dob_age", user.dob().age())
			.containsEntry("source", user.source());
		assertThat(row.get("dob_date").toString()).isEqualTo(user.dob().date().substring(0, 10));
		assertThat(((Timestamp) row.get("produced_at")).toInstant()).isEqualTo(user.producedAt());
		assertThat(row.get("ingested_at")).isNotNull();
		assertThat(((Timestamp) row.get("ingested_at")).toInstant()).isAfterOrEqualTo(user.producedAt());
	}

	private void send(List<UserRecord> users) {
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))));
		}
	}

	private int countOf(List<UserRecord> users) {
		return countOfIds(users.stream().map(UserRecord::userId).toList());
	}

	private int countOfIds(List<String> ids) {
		return TestUsers.storedCount(this.jdbc, ids);
	}

}
