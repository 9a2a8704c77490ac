package dev.userstream.producer;


import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.userstream.model.UserRecord;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke test: the application starts against a real broker and each piece answers. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "producer.schedule.enabled=false", "producer.source=synthetic", "pipeline.topic=producer-smoke-users" })
@Import(KafkaTestConfiguration.class)
class ProducerApplicationIntegrationTests {

	@LocalManagementPort
	int managementPort;

	@LocalServerPort
	int port;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	KafkaTemplate<String, UserRecord> kafkaTemplate;

	@DynamicPropertySource
	static void encryptionKeys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", TestKeys::generate);
	}

	@Test
	void answersLivenessAndReadinessOnTheManagementPort() {
		for (String probe : new String[] { "liveness", "readiness" }) {
			Http.Response response = Http.get(actuator("health/" + probe));
			assertThat(response.status()).as(probe).isEqualTo(200);
			assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void checksKafkaForReadinessButNotForLiveness() {
		assertThat(Http.get(actuator("health/readiness")).body()).contains("\"kafka\":{\"status\":\"UP\"}");
		assertThat(Http.get(actuator("health/liveness")).body()).doesNotContain("kafka");
	}

	@Test
	void exposesTheProducersMetricsToPrometheus() {
		Http.Response response = Http.get(actuator("prometheus"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("userstream_fetched_total{source=\"synthetic\"}")
			.contains("userstream_published_total")
			.contains("userstream_publish_failures_total")
			.contains("userstream_fetch_latency_seconds_count{source=\"synthetic\"}")
			.contains("userstream_publish_pending");
	}

	@Test
	void hasNoIngestionEndpointWithoutATokenConfigured() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/users"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("[{\"name\":\"Ada Lovelace\"}]"))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void createsTheUsersTopicWithThreePartitions() {
		assertThat(this.kafkaAdmin.describeTopics("producer-smoke-users").get("producer-smoke-users").partitions()).hasSize(3);
	}

	@Test
	void producesWithAcksAllAndIdempotenceAndABoundedClose() {
		DefaultKafkaProducerFactory<?, ?> factory = (DefaultKafkaProducerFactory<?, ?>) this.kafkaTemplate.getProducerFactory();

		assertThat(factory.getConfigurationProperties()).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		assertThat(factory.getPhysicalCloseTimeout()).hasSeconds(10);
	}

	@Test
	void reachesTheBrokerAndHasItAcknowledgeASend() throws Exception {
		try (AdminClient admin = AdminClient.create(this.kafkaAdmin.getConfigurationProperties())) {
			assertThat(admin.describeCluster().nodes().get()).isNotEmpty();
			admin.createTopics(List.of(new NewTopic("producer-smoke", 1, (short) 1))).all().get();
		}
		UserRecord record = new UserRecord("key", "Smoke Test", "female", "Peru", "Lima", "Lima", "e",
				new UserRecord.Dob("2000-01-01T00:00:00.000Z", 26), "u", "p", "synthetic", Instant.now(), 1);
		RecordMetadata sent = this.kafkaTemplate.send("producer-smoke", "key", record)
			.get(30, TimeUnit.SECONDS)
			.getRecordMetadata();
		assertThat(sent.topic()).isEqualTo("producer-smoke");
		assertThat(sent.offset()).isGreaterThanOrEqualTo(0);
	}

	private String actuator(String path) {
		return "http://127.0.0.1:" + this.managementPort + "/actuator/" + path;
	}

}
