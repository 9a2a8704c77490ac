package dev.userstream.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.Http;
import dev.userstream.model.UserRecord;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.S3TestConfiguration;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Smoke test: the application starts against a real broker, database and S3 server, and each answers. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pipeline.topic=smoke-users", "sink.s3.bucket=sink-smoke", "sink.s3.create-bucket=true", "spring.kafka.consumer.group-id=smoke" })
@ActiveProfiles({ "jpa", "s3" })
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class, S3TestConfiguration.class })
class SinkApplicationIntegrationTests {

	@LocalManagementPort
	int managementPort;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	DataSource dataSource;

	@Autowired
	S3Client s3Client;

	@Test
	void answersLivenessAndReadinessOnTheManagementPort() {
		for (String probe : new String[] { "liveness", "readiness" }) {
			Http.Response response = Http.get("http://127.0.0.1:" + this.managementPort + "/actuator/health/" + probe);
			assertThat(response.status()).as(probe).isEqualTo(200);
			assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void exposesTheUserstreamMetricsOnPrometheus() {
		KafkaTestClients clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		clients.createTopic("smoke-users", 1);
		UserRecord user = TestUsers.user(1);
		try (KafkaProducer<String, byte[]> producer = clients.producer()) {
			producer.send(new ProducerRecord<>("smoke-users", user.userId(), TestUsers.json(user)));
			producer.send(new ProducerRecord<>("smoke-users", "bad", "not json".getBytes(StandardCharsets.UTF_8)));
		}
		String prometheus = "http://127.0.0.1:" + this.managementPort + "/actuator/prometheus";
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Http.get(prometheus).body())
			.contains("userstream_written_total{writer=\"jpa\"} 1.0")
			.contains("userstream_written_total{writer=\"s3\"} 1.0")
			.contains("userstream_dead_lettered_total{reason=\"not_json\"} 1.0")
			.contains("userstream_batch_size_count")
			.contains("userstream_latency_seconds_count 1"));
	}

	@Test
	void reachesTheBroker() throws Exception {
		try (AdminClient admin = AdminClient.create(this.kafkaAdmin.getConfigurationProperties())) {
			assertThat(admin.describeCluster().nodes().get()).isNotEmpty();
		}
	}

	@Test
	void reachesAMySqlCompatibleDatabaseWhoseSchemaFlywayCreated() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success = 1",
				Integer.class)).isEqualTo(1);
	}

	@Test
	void reachesAnS3ServerAndCreatedTheBucketAsAsked() {
		List<String> buckets = this.s3Client.listBuckets().buckets().stream().map(Bucket::name).toList();
		assertThat(buckets).contains("sink-smoke");
	}

}
