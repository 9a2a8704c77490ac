package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;
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
 * Key rotation, sink side: configured with {@code new,old}, the sink stores records still encrypted
 * under the old key (they remain decryptable with the rotated key list) as well as records under the
 * new key; a token under a key in neither is dead-lettered as {@code token}. The sink is given only
 * the verification keys (signing halves) of both: it checks tokens without being able to decrypt them.
 */
@SpringBootTest(properties = { "pipeline.topic=rotation-it-users", "spring.kafka.consumer.group-id=rotation-it" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class })
class KeyRotationIntegrationTests {

	static final String TOPIC = "rotation-it-users";

	static final String OLD_KEY = TestUsers.KEY; // TestUsers encrypts with it

	static final String NEW_KEY = FernetKey.generate(new java.security.SecureRandom()).encoded();

	@DynamicPropertySource
	static void rotatedKeys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> Fernet.verificationKeysOf(NEW_KEY + "," + OLD_KEY, "test"));
	}

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void storesRecordsUnderTheOldAndTheNewKeyAndDeadLettersAnUnknownKey() {
		KafkaTestClients clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		clients.createTopic(TOPIC, 1);
		UserRecord underOld = TestUsers.user(1);
		UserRecord underNew = withEmail(TestUsers.user(2), Fernet.fromProperty(NEW_KEY, "new").encrypt("new@example.com"));
		UserRecord underUnknown = withEmail(TestUsers.user(3),
				Fernet.fromProperty(FernetKey.generate(new java.security.SecureRandom()).encoded(), "x").encrypt("x@example.com"));
		try (KafkaProducer<String, byte[]> producer = clients.producer()) {
			for (UserRecord user : List.of(underOld, underNew, underUnknown)) {
				producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user)));
			}
		}

		List<ConsumerRecord<String, byte[]>> deadLetters = clients.readAll(TOPIC + "-dlt", 1, Duration.ofSeconds(60));
		assertThat(deadLetters).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo(underUnknown.userId());
			assertThat(new String(record.headers().lastHeader(KafkaErrorHandlingConfiguration.REASON_HEADER).value(),
					StandardCharsets.UTF_8)).isEqualTo("token");
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> TestUsers.storedCount(this.jdbc,
				List.of(underOld.userId(), underNew.userId())) == 2);
		Fernet rotated = Fernet.fromProperty(NEW_KEY + "," + OLD_KEY, "rotated");
		assertThat(rotated.decryptToString(email(underOld))).isEqualTo("user1@example.com");
		assertThat(rotated.decryptToString(email(underNew))).isEqualTo("new@example.com");
	}

	private String email(UserRecord user) {
		return this.jdbc.queryForObject("SELECT email FROM users WHERE user_id = ?", String.class, user.userId());
	}

	private static UserRecord withEmail(UserRecord u, String email) {
		return new UserRecord(u.userId(), u.name(), u.gender(), u.country(), u.state(), u.city(), email, u.dob(),
				u.username(), u.password(), u.source(), u.producedAt(), u.schemaVersion());
	}

}
