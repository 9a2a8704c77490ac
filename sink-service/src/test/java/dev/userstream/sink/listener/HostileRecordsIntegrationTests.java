package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.TestUsers;
import dev.userstream.sink.health.PipelineHealthIndicator;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
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
 * Records nobody listed, on one partition, in one batch: JSON {@code null} and other top-level values, a
 * BOM, broken UTF-8, ids equal but for letter case, the same id twice, and a value the database refuses
 * at insert time (a CHECK constraint stands for any such value). Each is stored or dead-lettered with
 * its reason, the records after them are stored, the group commits to the end and readiness stays UP.
 * Then the dead-letter topic disappears (the broker does not create topics on its own): that is an
 * outage with readiness DOWN until the sink has created the topic again, and nothing is lost.
 */
@SpringBootTest(properties = { "pipeline.topic=hostile-it-users", "spring.kafka.consumer.group-id=hostile-it",
		"sink.retry.initial-interval=200ms", "sink.retry.max-interval=2s" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class })
class HostileRecordsIntegrationTests {

	static final String TOPIC = "hostile-it-users";

	static final String REFUSED_CITY = "Refused-By-Store";

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> TestUsers.KEY);
	}

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PipelineHealthIndicator pipeline;

	KafkaTestClients clients;

	@BeforeEach
	void createTopicAndAStricterTable() {
		this.clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		this.clients.createTopic(TOPIC, 1);
		this.jdbc.execute("ALTER TABLE users ADD CONSTRAINT ck_hostile_it CHECK (city IS NULL OR city <> '" + REFUSED_CITY + "')");
	}

	@AfterEach
	void dropTheConstraint() {
		this.jdbc.execute("ALTER TABLE users DROP CONSTRAINT ck_hostile_it");
	}

	@Test
	void storesOrDeadLettersEveryRecordAndTheRecordsAfterABadOneAreStored() {
		UserRecord first = TestUsers.user(1);
		UserRecord upper = withId(TestUsers.user(2), TestUsers.user(2).userId().toUpperCase(Locale.ROOT));
		UserRecord lower = withId(TestUsers.user(3), upper.userId().toLowerCase(Locale.ROOT));
		UserRecord refused = withCity(TestUsers.user(4), REFUSED_CITY);
		UserRecord twice = TestUsers.user(5);
		UserRecord withBom = TestUsers.user(6);
		UserRecord last = TestUsers.user(7);
		Map<String, byte[]> bad = new LinkedHashMap<>();
		bad.put("json-null", bytes("null"));
		bad.put("json-number", bytes("42"));
		bad.put("json-string", bytes("\"user\""));
		bad.put("json-array", bytes("[]"));
		bad.put("json-true", bytes("true"));
		bad.put("huge-number", bytes(UserRecordJson.write(TestUsers.user(8)).replaceFirst("\"age\":\\d+", "\"age\":1e400")));
		bad.put("deep-nesting", bytes("{\"dob\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
		bad.put("broken-utf8", new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
		Map<String, String> reasons = new LinkedHashMap<>();
		bad.keySet().forEach((key) -> reasons.put(key, "not_json"));
		// JSON of the right shape but a value of the wrong type at a field: a fraction where a whole age
		// belongs, an array where dob's object belongs (however deep the array goes)
		reasons.put("huge-number", "invalid_field");
		reasons.put("deep-nesting", "invalid_field");
		reasons.put(refused.userId(), "store_rejected");

		long before = this.clients.recordCount(TOPIC + "-dlt");
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			send(producer, first.userId(), TestUsers.json(first));
			bad.forEach((key, value) -> send(producer, key, value));
			send(producer, upper.userId(), TestUsers.json(upper));
			send(producer, lower.userId(), TestUsers.json(lower));
			send(producer, refused.userId(), TestUsers.json(refused));
			send(producer, twice.userId(), TestUsers.json(twice));
			send(producer, twice.userId(), TestUsers.json(twice));
			send(producer, withBom.userId(), withBom(TestUsers.json(withBom)));
			send(producer, last.userId(), TestUsers.json(last));
		}

		List<ConsumerRecord<String, byte[]>> deadLetters = this.clients.readAll(TOPIC + "-dlt", (int) before + reasons.size(),
				Duration.ofSeconds(60));
		Map<String, String> seen = new LinkedHashMap<>();
		deadLetters.stream()
			.filter((record) -> reasons.containsKey(record.key()))
			.forEach((record) -> seen.put(record.key(), header(record, KafkaErrorHandlingConfiguration.REASON_HEADER)));
		assertThat(seen).containsExactlyInAnyOrderEntriesOf(reasons);
		List<String> stored = List.of(first.userId(), lower.userId(), twice.userId(), withBom.userId(), last.userId());
		await().atMost(Duration.ofSeconds(30)).until(() -> TestUsers.storedCount(this.jdbc, stored) == stored.size());
		assertThat(TestUsers.storedCount(this.jdbc, List.of(refused.userId()))).isZero();
		assertThat(this.jdbc.queryForList("SELECT user_id FROM users WHERE user_id IN (?, ?)", String.class,
				first.userId(), lower.userId())).as("one canonical row per id").containsExactlyInAnyOrder(first.userId(),
						lower.userId());
		this.clients.awaitConsumed("hostile-it", TOPIC, Duration.ofSeconds(30));
		assertThat(this.pipeline.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("nothing dead-lettered twice").isEqualTo(before + reasons.size());
	}

	@Test
	void aMissingDeadLetterTopicIsAnOutageUntilTheSinkCreatesItAgain() throws Exception {
		this.clients.awaitConsumed("hostile-it", TOPIC, Duration.ofSeconds(60));
		this.clients.admin().deleteTopics(List.of(TOPIC + "-dlt")).all().get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
			.until(() -> !this.clients.admin().listTopics().names().get().contains(TOPIC + "-dlt"));
		AtomicReference<String> downWith = new AtomicReference<>();
		ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
		watcher.scheduleAtFixedRate(() -> {
			var health = this.pipeline.health();
			if (health.getStatus().equals(Status.DOWN)) {
				downWith.compareAndSet(null, String.valueOf(health.getDetails().get("component")));
			}
		}, 0, 50, TimeUnit.MILLISECONDS);
		UserRecord after = TestUsers.user(9);
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			send(producer, "not-json-while-dlt-missing", bytes("not json"));
			send(producer, after.userId(), TestUsers.json(after));
		}
		try {
			List<ConsumerRecord<String, byte[]>> deadLetters = this.clients.readAll(TOPIC + "-dlt", 1, Duration.ofSeconds(120));
			assertThat(deadLetters).extracting(ConsumerRecord::key).contains("not-json-while-dlt-missing");
			await().atMost(Duration.ofSeconds(30)).until(() -> TestUsers.storedCount(this.jdbc, List.of(after.userId())) == 1);
			this.clients.awaitConsumed("hostile-it", TOPIC, Duration.ofSeconds(30));
		}
		finally {
			watcher.shutdownNow();
		}
		assertThat(downWith.get()).as("readiness DOWN while the dead-letter topic was missing").isEqualTo("dead-letter-topic");
		assertThat(this.pipeline.health().getStatus()).isEqualTo(Status.UP);
	}

	private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
		producer.send(new ProducerRecord<>(TOPIC, key, value));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] withBom(byte[] json) {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] both = new byte[bom.length + json.length];
		System.arraycopy(bom, 0, both, 0, bom.length);
		System.arraycopy(json, 0, both, bom.length, json.length);
		return both;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static UserRecord withId(UserRecord u, String userId) {
		return new UserRecord(userId, u.name(), u.gender(), u.country(), u.state(), u.city(), u.email(), u.dob(),
				u.username(), u.password(), u.source(), u.producedAt(), u.schemaVersion());
	}

	private static UserRecord withCity(UserRecord u, String city) {
		return new UserRecord(u.userId(), u.name(), u.gender(), u.country(), u.state(), city, u.email(), u.dob(),
				u.username(), u.password(), u.source(), u.producedAt(), u.schemaVersion());
	}

}
