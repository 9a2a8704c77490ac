package dev.userstream.producer.kafka;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.userstream.model.UserRecord;
import dev.userstream.producer.ProducerApplication;
import dev.userstream.producer.TestKeys;
import dev.userstream.producer.TopicReader;
import dev.userstream.producer.publish.UserPublisher;
import dev.userstream.testsupport.KafkaBrokerProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The producer against a broker that requires SASL (SCRAM-SHA-512 over SASL_PLAINTEXT, a real broker in
 * a child process): with the right password its publisher's records are acknowledged and in the topic,
 * and its hand-built admin client (readiness) logs in too; with a wrong one it stops at start-up with a failure analysis naming the property, and
 * no password appears in any output.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaSaslIntegrationTests {

	static final String USERNAME = "userstream-producer";

	static final String PASSWORD = UUID.randomUUID().toString();

	static final KafkaBrokerProcess BROKER = KafkaBrokerProcess.createWithScram(USERNAME, PASSWORD).start();

	@AfterAll
	static void stopBroker() {
		BROKER.stop();
	}

	@Test
	void publishesWithTheRightPassword(CapturedOutput output) {
		List<UserRecord> users = IntStream.range(0, 5).mapToObj((i) -> new UserRecord(UUID.randomUUID().toString(), "Sasl User",
				"female", "Peru", "Lima", "Lima", "e", new UserRecord.Dob("2000-01-01T00:00:00.000Z", 26), "u", "p", "synthetic",
				Instant.now(), 1)).toList();
		try (ConfigurableApplicationContext producer = run(PASSWORD, "sasl-users")) {
			assertThat(producer.getBean(UserPublisher.class).publish(users).acknowledged()).isEqualTo(users.size());
			assertThat(producer.getBean("kafkaHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP);
		}
		assertThat(TopicReader.readAll(BROKER.clientConfig(), "sasl-users")).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrderElementsOf(users.stream().map(UserRecord::userId).toList());
		assertThat(output).contains("Kafka accepted the client's credentials (SCRAM-SHA-512 over SASL_PLAINTEXT)")
			.doesNotContain(PASSWORD);
	}

	@Test
	void refusesToStartWithAWrongPasswordAndNeverPrintsIt(CapturedOutput output) {
		String wrong = UUID.randomUUID().toString();

		assertThatException().isThrownBy(() -> run(wrong, "sasl-refused-users").close());

		String analysis = output.toString().substring(output.toString().indexOf("APPLICATION FAILED TO START"));
		assertThat(analysis.lines().filter((line) -> line.contains("refused the login of pipeline.kafka.sasl.username '"
				+ USERNAME + "' with pipeline.kafka.sasl.password")))
			.hasSize(1);
		assertThat(analysis).contains("Check pipeline.kafka.sasl.password");
		assertThat(output).doesNotContain(wrong).doesNotContain(PASSWORD);
	}

	private static ConfigurableApplicationContext run(String password, String topic) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", BROKER.bootstrapServers());
		properties.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
		properties.put("pipeline.kafka.sasl.username", USERNAME);
		properties.put("pipeline.kafka.sasl.password", password);
		properties.put("pipeline.encryption.keys", TestKeys.generate());
		properties.put("pipeline.topic", topic);
		properties.put("producer.schedule.enabled", "false");
		SpringApplication application = new SpringApplication(ProducerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(properties.entrySet().stream().map((p) -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
	}

}
