package dev.userstream.sink.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaBrokerProcess;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker stopped for 30 s and started again (a real broker process: same address, same data)
 * while the sink consumes: readiness DOWN during the outage and UP after, the consumer resumes from its
 * committed offsets, and every record ends stored exactly once, with no dead letter.
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pipeline.topic=broker-outage-users", "spring.kafka.consumer.group-id=broker-outage" })
@ActiveProfiles("jpa")
@Import(DatabaseTestConfiguration.class)
class SinkBrokerOutageIntegrationTests {

	static final String TOPIC = "broker-outage-users";

	static final Duration OUTAGE = Duration.ofSeconds(30);

	static final KafkaBrokerProcess BROKER = KafkaBrokerProcess.create().start();

	static final KafkaTestClients CLIENTS = new KafkaTestClients(BROKER.bootstrapServers());

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		CLIENTS.createTopic(TOPIC, 3);
		registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
	}

	@AfterAll
	static void stopBroker() {
		BROKER.close();
	}

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcTemplate jdbc;

	final List<UserRecord> sent = new ArrayList<>();

	final String source = "outage-" + java.util.UUID.randomUUID().toString().substring(0, 8);

	@Test
	void resumesAfterTheBrokerComesBackAndStoresEveryRecordOnce() {
		send(300);
		await().atMost(Duration.ofSeconds(60)).until(this::allStored);
		assertThat(readiness()).isEqualTo(200);

		BROKER.stop();
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 503);
			await().during(OUTAGE).atMost(OUTAGE.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
				.until(() -> readiness() == 503);
		}
		finally {
			BROKER.start();
		}
		await().atMost(Duration.ofSeconds(90)).until(() -> readiness() == 200);
		send(300);
		await().atMost(Duration.ofSeconds(90)).until(this::allStored);
		CLIENTS.awaitConsumed("broker-outage", TOPIC, Duration.ofSeconds(60));
		assertThat(StoredUsers.rows(this.source)).as("one row per record")
			.containsExactlyInAnyOrderElementsOf(this.sent.stream().map(UserRecord::userId).toList());
		assertThat(CLIENTS.recordCount(TOPIC + "-dlt")).as("dead letters").isZero();
	}

	private void send(int count) {
		List<UserRecord> users = TestUsers.users(count, this.source);
		try (KafkaProducer<String, byte[]> producer = CLIENTS.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))));
		}
		this.sent.addAll(users);
	}

	private boolean allStored() {
		return TestUsers.storedCount(this.jdbc, this.sent.stream().map(UserRecord::userId).toList()) == this.sent.size();
	}

	private int readiness() {
		return Http.get("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness").status();
	}

}
