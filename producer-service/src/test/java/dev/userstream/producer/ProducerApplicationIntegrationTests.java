package dev.userstream.producer;


import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke test: the application starts against a real broker and each piece answers. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(KafkaTestConfiguration.class)
class ProducerApplicationIntegrationTests {

	@LocalManagementPort
	int managementPort;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	KafkaTemplate<String, String> kafkaTemplate;

	@Test
	void answersLivenessAndReadinessOnTheManagementPort() {
		for (String probe : new String[] { "liveness", "readiness" }) {
			Http.Response response = Http.get("http://127.0.0.1:" + this.managementPort + "/actuator/health/" + probe);
			assertThat(response.status()).as(probe).isEqualTo(200);
			assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void reachesTheBrokerAndHasItAcknowledgeASend() throws Exception {
		try (AdminClient admin = AdminClient.create(this.kafkaAdmin.getConfigurationProperties())) {
			assertThat(admin.describeCluster().nodes().get()).isNotEmpty();
			admin.createTopics(List.of(new NewTopic("producer-smoke", 1, (short) 1))).all().get();
		}
		RecordMetadata sent = this.kafkaTemplate.send("producer-smoke", "key", "value")
			.get(30, TimeUnit.SECONDS)
			.getRecordMetadata();
		assertThat(sent.topic()).isEqualTo("producer-smoke");
		assertThat(sent.offset()).isGreaterThanOrEqualTo(0);
	}

}
