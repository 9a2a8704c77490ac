package dev.userstream.sink.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.ProxiedStoresTestConfiguration;
import dev.userstream.testsupport.TcpProxy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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
 * The database or S3 taken away mid-stream (connections cut through a TCP proxy): nothing is lost or
 * dead-lettered, readiness goes DOWN and comes back UP, and every record is stored after recovery.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pipeline.topic=outage-it-users", "spring.kafka.consumer.group-id=outage-it",
				"sink.s3.bucket=outage-it-bucket", "sink.s3.create-bucket=true",
				"sink.retry.initial-interval=200ms", "sink.retry.max-interval=2s",
				"spring.datasource.hikari.connection-timeout=1000" })
@ActiveProfiles({ "jpa", "s3" })
@Import({ KafkaTestConfiguration.class, ProxiedStoresTestConfiguration.class })
class StoreOutageIntegrationTests {

	static final String TOPIC = "outage-it-users";

	@LocalManagementPort
	int managementPort;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	S3Client s3;

	@Autowired
	@Qualifier("databaseProxy")
	TcpProxy databaseProxy;

	@Autowired
	@Qualifier("s3Proxy")
	TcpProxy s3Proxy;

	KafkaTestClients clients;

	final List<UserRecord> sent = new ArrayList<>();

	@BeforeEach
	void createTopic() {
		this.clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		this.clients.createTopic(TOPIC, 3);
	}

	@Test
	void survivesADatabaseOutage() {
		survivesOutageOf(this.databaseProxy);
	}

	@Test
	void survivesAnS3Outage() {
		survivesOutageOf(this.s3Proxy);
	}

	private void survivesOutageOf(TcpProxy store) {
		send(100);
		await().atMost(Duration.ofSeconds(60)).until(this::allStored);
		assertThat(readinessStatus()).isEqualTo(200);

		store.cut();
		try {
			send(200);
			await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 503);
			assertThat(this.clients.recordCount(TOPIC + "-dlt")).isZero();
		}
		finally {
			store.restore();
		}
		await().atMost(Duration.ofSeconds(90)).until(this::allStored);
		await().atMost(Duration.ofSeconds(30)).until(() -> readinessStatus() == 200);
		assertThat(this.clients.recordCount(TOPIC + "-dlt")).isZero();
		assertThat(rows()).isEqualTo(this.sent.size());
		assertThat(objects()).isEqualTo(this.sent.size());
	}

	private void send(int count) {
		List<UserRecord> users = TestUsers.users(count);
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))));
		}
		this.sent.addAll(users);
	}

	private boolean allStored() {
		return rows() == this.sent.size() && objects() == this.sent.size();
	}

	private int rows() {
		return TestUsers.storedCount(this.jdbc, this.sent.stream().map(UserRecord::userId).toList());
	}

	/** How many of the users this test sent have an object (other tests share the bucket). */
	private long objects() {
		java.util.Set<String> keys = this.s3.listObjectsV2Paginator((r) -> r.bucket("outage-it-bucket").prefix("users/"))
			.contents()
			.stream()
			.map((object) -> object.key().substring(object.key().lastIndexOf('/') + 1))
			.collect(java.util.stream.Collectors.toSet());
		return this.sent.stream().filter((user) -> keys.contains(user.userId() + ".json")).count();
	}

	private int readinessStatus() {
		return Http.get("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness").status();
	}

}
