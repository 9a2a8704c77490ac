package dev.userstream.sink.writer;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.S3TestConfiguration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Newest version wins, end to end with both stores (profiles jpa and s3, per-record layout): versions
 * of one user sent to the real broker one after the other, each consumed before the next is sent. The
 * table ends with the newest version, the bucket with one object per distinct version, and the newest
 * object (the greatest key) is the row.
 */
@SpringBootTest(properties = { "pipeline.topic=" + NewestVersionIntegrationTests.TOPIC,
		"spring.kafka.consumer.group-id=" + NewestVersionIntegrationTests.GROUP, "sink.s3.bucket=versions-it-bucket",
		"sink.s3.create-bucket=true" })
@ActiveProfiles({ "jpa", "s3" })
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class, S3TestConfiguration.class })
class NewestVersionIntegrationTests {

	static final String TOPIC = "versions-it-users";

	static final String GROUP = "versions-it";

	static final String BUCKET = "versions-it-bucket";

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> TestUsers.KEY);
	}

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	S3Client s3;

	KafkaTestClients clients;

	@BeforeEach
	void createTopic() {
		this.clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		this.clients.createTopic(TOPIC, 3);
	}

	@Test
	void v1V2V1AgainV2AgainLeaveV2InTheTableAndV1AndV2OnceEachInTheBucket() {
		UserRecord v1 = TestUsers.user(1);
		UserRecord v2 = version(v1, "Second Version", 60);
		for (UserRecord version : List.of(v1, v2, v1, v2)) {
			sendAndAwaitConsumed(version);
		}
		assertRowHolds(v2);
		assertThat(objectsOf(v1)).containsExactly(UserRecordJson.write(v1), UserRecordJson.write(v2));
	}

	@Test
	void equalProducedAtTheLaterRecordWinsInTheTableAndBothAreInTheBucket() {
		UserRecord first = TestUsers.user(2);
		UserRecord second = version(first, "Same Millisecond", 0);
		sendAndAwaitConsumed(first);
		sendAndAwaitConsumed(second);
		sendAndAwaitConsumed(first); // replayed: its offset is later now, so it is the newest version again
		assertRowHolds(first);
		assertThat(objectsOf(first)).containsExactlyInAnyOrder(UserRecordJson.write(first), UserRecordJson.write(second));
	}

	private void assertRowHolds(UserRecord version) {
		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM users WHERE user_id = ?", version.userId());
		assertThat(row).containsEntry("name", version.name()).containsEntry("city", version.city());
		assertThat(((Timestamp) row.get("produced_at")).toInstant()).isEqualTo(version.producedAt());
		assertThat(TestUsers.storedCount(this.jdbc, List.of(version.userId()))).isOne();
	}

	/** The contents of the user's objects, by key. */
	private List<String> objectsOf(UserRecord user) {
		return this.s3.listObjectsV2Paginator((r) -> r.bucket(BUCKET).prefix("users/"))
			.contents()
			.stream()
			.map(S3Object::key)
			.filter((key) -> key.contains("/user_id=" + user.userId() + "/"))
			.sorted()
			.map((key) -> this.s3.getObjectAsBytes((r) -> r.bucket(BUCKET).key(key)).asString(StandardCharsets.UTF_8))
			.toList();
	}

	private void sendAndAwaitConsumed(UserRecord user) {
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		this.clients.awaitConsumed(GROUP, TOPIC, Duration.ofSeconds(60));
	}

	private static UserRecord version(UserRecord user, String name, long secondsLater) {
		return new UserRecord(user.userId(), name, user.gender(), user.country(), user.state(), "City of " + name,
				user.email(), user.dob(), user.username(), user.password(), user.source(),
				user.producedAt().plusSeconds(secondsLater).truncatedTo(ChronoUnit.MILLIS), user.schemaVersion());
	}

}
