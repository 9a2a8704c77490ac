package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;
import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
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

/** Bad records among good ones: the good are stored, each bad one is dead-lettered with its reason. */
@SpringBootTest(properties = { "pipeline.topic=dlt-it-users", "spring.kafka.consumer.group-id=dlt-it" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class })
class DeadLetterIntegrationTests {

	static final String TOPIC = "dlt-it-users";

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> TestUsers.KEY);
	}

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void storesEveryGoodRecordAndDeadLettersEachBadOneWithItsReason() throws Exception {
		KafkaTestClients clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		clients.createTopic(TOPIC, 1);
		Map<String, String> expectedReasons = new LinkedHashMap<>();
		List<UserRecord> good = TestUsers.users(10);
		try (KafkaProducer<String, byte[]> producer = clients.producer()) {
			for (int i = 0; i < good.size(); i++) {
				producer.send(new ProducerRecord<>(TOPIC, good.get(i).userId(), TestUsers.json(good.get(i))));
				if (i < BAD.size()) {
					Bad bad = BAD.get(i);
					producer.send(new ProducerRecord<>(TOPIC, bad.name(), bad.value()));
					expectedReasons.put(bad.name(), bad.reason());
				}
			}
		}
		List<ConsumerRecord<String, byte[]>> deadLetters = clients.readAll(TOPIC + "-dlt", BAD.size(), Duration.ofSeconds(60));
		Map<String, String> reasons = new LinkedHashMap<>();
		deadLetters.forEach((record) -> reasons.put(record.key(), header(record, KafkaErrorHandlingConfiguration.REASON_HEADER)));
		assertThat(reasons).containsExactlyInAnyOrderEntriesOf(expectedReasons);
		ConsumerRecord<String, byte[]> tooLong = deadLetters.stream().filter((r) -> r.key().equals("too-long")).findFirst().orElseThrow();
		assertThat(tooLong.value()).isEqualTo(valueOf("too-long"));
		assertThat(header(tooLong, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
		assertThat(tooLong.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
		assertThat(header(tooLong, "kafka_dlt-exception-message")).contains("name size must be between 0 and 255");
		assertThat(header(tooLong, "kafka_dlt-exception-fqcn")).isEqualTo(InvalidRecordException.class.getName());
		await().atMost(Duration.ofSeconds(30)).until(() -> stored(good) == good.size());

		UserRecord later = TestUsers.user(99);
		try (KafkaProducer<String, byte[]> producer = clients.producer()) {
			producer.send(new ProducerRecord<>(TOPIC, later.userId(), TestUsers.json(later)));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> stored(List.of(later)) == 1);
	}

	private int stored(List<UserRecord> users) {
		return users.stream()
			.mapToInt((u) -> this.jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE user_id = ?", Integer.class, u.userId()))
			.sum();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static byte[] valueOf(String name) {
		return BAD.stream().filter((b) -> b.name().equals(name)).findFirst().orElseThrow().value();
	}

	record Bad(String name, byte[] value, String reason) {
	}

	static final List<Bad> BAD = List.of(
			new Bad("not-json", "this is not json".getBytes(StandardCharsets.UTF_8), "not_json"),
			new Bad("wrong-types", edited((json) -> json.replaceFirst("\"dob\":\\{[^}]*\\}", "\"dob\":\"yesterday\"")), "not_json"),
			new Bad("missing-fields", edited((json) -> json.replaceFirst("\"email\":\"[^\"]*\",", "")), "invalid_field"),
			new Bad("too-long", record((u) -> copy(u, "x".repeat(300), u.email(), u.dob(), u.userId(), u.schemaVersion())), "invalid_field"),
			new Bad("bad-date", record((u) -> copy(u, u.name(), u.email(), new UserRecord.Dob("1990-13-45T00:00:00.000Z", 30), u.userId(), u.schemaVersion())), "invalid_field"),
			new Bad("future-schema", record((u) -> copy(u, u.name(), u.email(), u.dob(), u.userId(), 2)), "schema_version"),
			new Bad("bad-user-id", record((u) -> copy(u, u.name(), u.email(), u.dob(), "../../etc/passwd", u.schemaVersion())), "user_id"),
			new Bad("not-fernet", record((u) -> copy(u, u.name(), "plain@example.com", u.dob(), u.userId(), u.schemaVersion())), "token"),
			new Bad("other-key", record((u) -> copy(u, u.name(), otherKey().encrypt("a@example.com"), u.dob(), u.userId(), u.schemaVersion())), "token"));

	private static Fernet otherKey() {
		return Fernet.fromProperty(FernetKey.generate(new SecureRandom()).encoded(), "other");
	}

	private static byte[] edited(UnaryOperator<String> edit) {
		return edit.apply(UserRecordJson.write(TestUsers.user(1))).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] record(UnaryOperator<UserRecord> edit) {
		return TestUsers.json(edit.apply(TestUsers.user(2)));
	}

	private static UserRecord copy(UserRecord u, String name, String email, UserRecord.Dob dob, String userId, Integer schemaVersion) {
		return new UserRecord(userId, name, u.gender(), u.country(), u.state(), u.city(), email, dob, u.username(),
				u.password(), u.source(), u.producedAt(), schemaVersion);
	}

}
