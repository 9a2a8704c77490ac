package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;
import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.S3TestConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
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
import static org.awaitility.Awaitility.await;

/**
 * Hostile input among good records, into both stores: every good record is stored (a SQL-like name
 * verbatim), each bad one is dead-lettered once with its reason, nothing loops or crashes, and no
 * record content reaches an S3 key (path-like and SQL-like ids are refused; keys are date + UUID).
 */
@SpringBootTest(properties = { "pipeline.topic=dlt-it-users", "spring.kafka.consumer.group-id=dlt-it",
		"sink.s3.bucket=dlt-it-bucket", "sink.s3.create-bucket=true" })
@ActiveProfiles({ "jpa", "s3" })
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class, S3TestConfiguration.class })
class DeadLetterIntegrationTests {

	static final String TOPIC = "dlt-it-users";

	static final int ONE_MIB = 1024 * 1024;

	static final Pattern OBJECT_KEY = Pattern.compile(
			"users/dt=\\d{4}-\\d{2}-\\d{2}/user_id=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/\\d{13}-[0-9a-f]{16}\\.json");

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

	@Test
	void storesEveryGoodRecordAndDeadLettersEachBadOneWithItsReason() throws Exception {
		KafkaTestClients clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		// the topic takes the 1 MiB record, as a topic configured for large records would
		clients.createTopic(TOPIC, 1, Map.of("max.message.bytes", Integer.toString(2 * ONE_MIB)));
		Map<String, String> expectedReasons = new LinkedHashMap<>();
		List<UserRecord> good = new ArrayList<>(TestUsers.users(BAD.size() + 1));
		good.set(0, copy(good.get(0), SQL_LIKE_NAME, good.get(0).email(), good.get(0).dob(), good.get(0).userId(), 1));
		try (KafkaProducer<String, byte[]> producer = clients.producer(Map.of("max.request.size", 2 * ONE_MIB))) {
			for (int i = 0; i < good.size(); i++) {
				byte[] value = (i == 1) ? withNickname(good.get(i)) : TestUsers.json(good.get(i));
				producer.send(new ProducerRecord<>(TOPIC, good.get(i).userId(), value));
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
		assertThat(deadLetters).as("each bad record once").hasSize(BAD.size());
		for (ConsumerRecord<String, byte[]> deadLetter : deadLetters) {
			assertThat(deadLetter.value()).as(deadLetter.key() + " kept as it came").isEqualTo(valueOf(deadLetter.key()));
		}
		ConsumerRecord<String, byte[]> tooLong = deadLetter(deadLetters, "too-long");
		assertThat(tooLong.value()).isEqualTo(valueOf("too-long"));
		assertThat(header(tooLong, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
		assertThat(tooLong.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
		assertThat(header(tooLong, "kafka_dlt-exception-message")).contains("name size must be between 0 and 255");
		assertThat(header(tooLong, "kafka_dlt-exception-fqcn")).isEqualTo(InvalidRecordException.class.getName());
		assertThat(header(deadLetter(deadLetters, "age-as-string"), KafkaErrorHandlingConfiguration.REASON_DETAIL_HEADER))
			.isEqualTo("invalid_field: dob.age is not of the type the contract gives it");
		assertThat(header(deadLetter(deadLetters, "name-as-number"), KafkaErrorHandlingConfiguration.REASON_DETAIL_HEADER))
			.isEqualTo("invalid_field: name is not of the type the contract gives it");
		assertThat(header(tooLong, KafkaErrorHandlingConfiguration.REASON_DETAIL_HEADER)).contains("name size must be between 0 and 255");
		await().atMost(Duration.ofSeconds(30)).until(() -> stored(good) == good.size());
		assertThat(this.jdbc.queryForObject("SELECT name FROM users WHERE user_id = ?", String.class, good.get(1).userId()))
			.as("a record with an unknown field is stored, the field ignored").isEqualTo(good.get(1).name());
		assertThat(this.jdbc.queryForObject("SELECT name FROM users WHERE user_id = ?", String.class, good.get(0).userId()))
			.isEqualTo(SQL_LIKE_NAME);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).as("the table survived").isPositive();

		UserRecord later = TestUsers.user(99);
		try (KafkaProducer<String, byte[]> producer = clients.producer()) {
			producer.send(new ProducerRecord<>(TOPIC, later.userId(), TestUsers.json(later)));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> stored(List.of(later)) == 1);
		assertThat(clients.recordCount(TOPIC + "-dlt")).as("no bad record looped").isEqualTo(BAD.size());
		List<String> keys = this.s3.listObjectsV2Paginator((r) -> r.bucket("dlt-it-bucket")).contents().stream()
			.map(S3Object::key).toList();
		assertThat(keys).allMatch((key) -> OBJECT_KEY.matcher(key).matches(), "date + UUID keys only")
			.hasSize(good.size() + 1);
	}

	private int stored(List<UserRecord> users) {
		return users.stream()
			.mapToInt((u) -> this.jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE user_id = ?", Integer.class, u.userId()))
			.sum();
	}

	private static ConsumerRecord<String, byte[]> deadLetter(List<ConsumerRecord<String, byte[]>> deadLetters, String key) {
		return deadLetters.stream().filter((r) -> r.key().equals(key)).findFirst().orElseThrow();
	}

	/** The user as JSON with a field the contract does not know, as a newer producer may send. */
	private static byte[] withNickname(UserRecord user) {
		return UserRecordJson.write(user).replace("\"name\":", "\"nickname\":\"Bobby\",\"name\":").getBytes(StandardCharsets.UTF_8);
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

	static final String SQL_LIKE_NAME = "Robert'); DROP TABLE users; --";

	static final List<Bad> BAD = List.of(
			new Bad("not-utf8", notUtf8(), "not_json"),
			new Bad("json-array", ("[" + UserRecordJson.write(TestUsers.user(3)) + "]").getBytes(StandardCharsets.UTF_8), "not_json"),
			new Bad("huge-1mib", record((u) -> copy(u, "x".repeat(ONE_MIB), u.email(), u.dob(), u.userId(), u.schemaVersion())), "invalid_field"),
			new Bad("field-10000", record((u) -> copy(u, "y".repeat(10_000), u.email(), u.dob(), u.userId(), u.schemaVersion())), "invalid_field"),
			new Bad("sql-like-user-id", record((u) -> copy(u, u.name(), u.email(), u.dob(), "1' OR '1'='1'; DROP TABLE users; --", u.schemaVersion())), "user_id"),
			new Bad("control-chars", record((u) -> copy(u, "Bob\u0000\u0007\u001b[31m", u.email(), u.dob(), u.userId(), u.schemaVersion())), "invalid_field"),
			new Bad("empty", null, "empty"),
			new Bad("not-json", "this is not json".getBytes(StandardCharsets.UTF_8), "not_json"),
			new Bad("wrong-types", edited((json) -> json.replaceFirst("\"dob\":\\{[^}]*\\}", "\"dob\":\"yesterday\"")), "invalid_field"),
			new Bad("age-as-string", edited((json) -> json.replaceFirst("\"age\":\\d+", "\"age\":\"33\"")), "invalid_field"),
			new Bad("name-as-number", edited((json) -> json.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":7")), "invalid_field"),
			new Bad("age-fraction", edited((json) -> json.replaceFirst("\"age\":\\d+", "\"age\":1.5")), "invalid_field"),
			new Bad("city-as-boolean", edited((json) -> json.replaceFirst("\"city\":\"[^\"]*\"", "\"city\":true")), "invalid_field"),
			new Bad("gender-as-object", edited((json) -> json.replaceFirst("\"gender\":\"[^\"]*\"", "\"gender\":{\"value\":\"f\"}")), "invalid_field"),
			new Bad("email-as-array", edited((json) -> json.replaceFirst("\"email\":(\"[^\"]*\")", "\"email\":[$1]")), "invalid_field"),
			new Bad("missing-fields", edited((json) -> json.replaceFirst("\"email\":\"[^\"]*\",", "")), "invalid_field"),
			new Bad("too-long", record((u) -> copy(u, "x".repeat(300), u.email(), u.dob(), u.userId(), u.schemaVersion())), "invalid_field"),
			new Bad("bad-date", record((u) -> copy(u, u.name(), u.email(), new UserRecord.Dob("1990-13-45T00:00:00.000Z", 30), u.userId(), u.schemaVersion())), "invalid_field"),
			new Bad("future-schema", record((u) -> copy(u, u.name(), u.email(), u.dob(), u.userId(), 2)), "schema_version"),
			new Bad("future-schema-other-type", edited((json) -> json.replaceFirst("\"age\":\\d+", "\"age\":\"33\"")
				.replace("\"schema_version\":1", "\"schema_version\":2")), "schema_version"),
			new Bad("bad-user-id", record((u) -> copy(u, u.name(), u.email(), u.dob(), "../../etc/passwd", u.schemaVersion())), "user_id"),
			new Bad("not-fernet", record((u) -> copy(u, u.name(), "plain@example.com", u.dob(), u.userId(), u.schemaVersion())), "token"),
			new Bad("other-key", record((u) -> copy(u, u.name(), otherKey().encrypt("a@example.com"), u.dob(), u.userId(), u.schemaVersion())), "token"));

	/** A user record whose name holds bytes that are not UTF-8 (a lone continuation byte and 0xFF). */
	private static byte[] notUtf8() {
		byte[] json = UserRecordJson.write(TestUsers.user(4)).getBytes(StandardCharsets.UTF_8);
		String text = new String(json, StandardCharsets.ISO_8859_1).replace("\"name\":\"", "\"name\":\"\u0080\u00ff");
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

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
