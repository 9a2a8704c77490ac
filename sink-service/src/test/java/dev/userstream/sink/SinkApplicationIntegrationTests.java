package dev.userstream.sink;

import java.util.List;

import javax.sql.DataSource;

import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.S3TestConfiguration;
import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke test: the application starts against a real broker, database and S3 server, and each answers. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pipeline.topic=smoke-users", "sink.s3.bucket=sink-smoke", "sink.s3.create-bucket=true" })
@ActiveProfiles({ "jpa", "s3" })
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class, S3TestConfiguration.class })
class SinkApplicationIntegrationTests {

	@LocalManagementPort
	int managementPort;

	@Autowired
	KafkaAdmin kafkaAdmin;

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
