package dev.userstream.sink.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkApplication;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.KafkaBrokerProcess;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The sink against a broker that requires SASL (SCRAM-SHA-512 over SASL_PLAINTEXT, a real broker in a
 * child process): with the right password its consumer reads, the users are stored, a bad record reaches
 * the dead-letter topic (its own producer) and the Kafka health (its own admin client) is UP; with a
 * wrong one it stops at start-up with a failure analysis naming the property, and no password appears
 * in any output.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaSaslIntegrationTests {

	static final String USERNAME = "userstream-sink";

	static final String PASSWORD = UUID.randomUUID().toString();

	static final KafkaBrokerProcess BROKER = KafkaBrokerProcess.createWithScram(USERNAME, PASSWORD).start();

	static final String TOPIC = "sasl-users";

	@AfterAll
	static void stopBroker() {
		BROKER.stop();
	}

	@Test
	void consumesStoresAndDeadLettersWithTheRightPassword(CapturedOutput output) {
		KafkaTestClients clients = new KafkaTestClients(BROKER.clientConfig());
		clients.createTopic(TOPIC, 1);
		List<UserRecord> users = TestUsers.users(5);
		try (KafkaProducer<String, byte[]> producer = clients.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))));
			producer.send(new ProducerRecord<>(TOPIC, "bad", "not json".getBytes(StandardCharsets.UTF_8)));
		}
		DatabaseEndpoint database = EmbeddedDatabase.endpoint();
		try (ConfigurableApplicationContext sink = run(PASSWORD, Map.of("spring.profiles.active", "jpa",
				"spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
				"spring.datasource.password", database.password()))) {
			JdbcTemplate jdbc = sink.getBean(JdbcTemplate.class);
			List<String> ids = users.stream().map(UserRecord::userId).toList();
			await().atMost(Duration.ofSeconds(60)).until(() -> TestUsers.storedCount(jdbc, ids) == ids.size());
			assertThat(clients.readAll(TOPIC + "-dlt", 1, Duration.ofSeconds(30))).singleElement()
				.satisfies((record) -> assertThat(record.key()).isEqualTo("bad"));
			assertThat(sink.getBean("kafkaHealthIndicator", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		}
		assertThat(output).contains("Kafka accepted the client's credentials (SCRAM-SHA-512 over SASL_PLAINTEXT)")
			.doesNotContain(PASSWORD);
	}

	@Test
	void refusesToStartWithAWrongPasswordAndNeverPrintsIt(CapturedOutput output) {
		String wrong = UUID.randomUUID().toString();

		assertThatException().isThrownBy(() -> run(wrong, Map.of("spring.profiles.active", "s3",
				"spring.cloud.aws.s3.endpoint", "http://127.0.0.1:9", "spring.cloud.aws.credentials.access-key", "test",
				"spring.cloud.aws.credentials.secret-key", "test")).close());

		String analysis = output.toString().substring(output.toString().indexOf("APPLICATION FAILED TO START"));
		assertThat(analysis.lines().filter((line) -> line.contains("refused the login of pipeline.kafka.sasl.username '"
				+ USERNAME + "' with pipeline.kafka.sasl.password")))
			.hasSize(1);
		assertThat(analysis).contains("Check pipeline.kafka.sasl.password");
		assertThat(output).doesNotContain(wrong).doesNotContain(PASSWORD);
	}

	private static ConfigurableApplicationContext run(String password, Map<String, String> more) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", BROKER.bootstrapServers());
		properties.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
		properties.put("pipeline.kafka.sasl.username", USERNAME);
		properties.put("pipeline.kafka.sasl.password", password);
		properties.put("pipeline.topic", TOPIC);
		properties.put("spring.kafka.consumer.group-id", "sasl-sink");
		properties.putAll(more);
		SpringApplication application = new SpringApplication(SinkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(properties.entrySet().stream().map((p) -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
	}

}
