package dev.userstream.sink.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.EmbeddedS3;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.ProxiedStoresTestConfiguration;
import dev.userstream.testsupport.S3MockServer;
import dev.userstream.testsupport.TcpProxy;
import dev.userstream.testsupport.TestServices;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
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
 * Outages mid-stream, each held for 30 s: the database's connections cut through a TCP proxy, the S3
 * server's process stopped and started again on the same port. Nothing is lost, duplicated or
 * dead-lettered; readiness is DOWN for the whole outage and UP after, every record is stored, and the
 * batch that succeeded on a retry is committed without waiting for a later one.
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
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

	static final Duration OUTAGE = Duration.ofSeconds(30);

	@Test
	void survivesADatabaseOutage() {
		survivesOutage(this.databaseProxy::cut, this.databaseProxy::restore);
	}

	@Test
	void survivesAnS3Outage() {
		if (TestServices.containers()) {
			survivesOutage(this.s3Proxy::cut, this.s3Proxy::restore); // a container is not ours to stop
		}
		else {
			S3MockServer server = EmbeddedS3.server();
			survivesOutage(server::stop, server::start);
		}
	}

	private void survivesOutage(Runnable begin, Runnable end) {
		send(100);
		await().atMost(Duration.ofSeconds(60)).until(this::allStored);
		assertThat(readinessStatus()).isEqualTo(200);

		begin.run();
		try {
			send(200);
			await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 503);
			await().during(OUTAGE).atMost(OUTAGE.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
				.until(() -> readinessStatus() == 503 && this.clients.recordCount(TOPIC + "-dlt") == 0);
		}
		finally {
			end.run();
		}
		// the test reads through the application's own (proxied) pool, which recovers with the writer
		await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(this::allStored);
		await().atMost(Duration.ofSeconds(30)).until(() -> readinessStatus() == 200);
		// the batch that succeeded on a retry is committed at once, without waiting for another batch
		this.clients.awaitConsumed("outage-it", TOPIC, Duration.ofSeconds(20));
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

	/** How many objects belong to users this test sent (other tests share the bucket); a duplicate counts twice. */
	private long objects() {
		java.util.Set<String> names = this.sent.stream().map((user) -> "user_id=" + user.userId())
			.collect(java.util.stream.Collectors.toSet());
		return this.s3.listObjectsV2Paginator((r) -> r.bucket("outage-it-bucket").prefix("users/"))
			.contents()
			.stream()
			.filter((object) -> names.contains(object.key().split("/")[2]))
			.count();
	}

	private int readinessStatus() {
		return Http.get("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness").status();
	}

}
