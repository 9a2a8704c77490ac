package dev.userstream.producer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Bad configuration stops start-up with one message that names the property and the fix (as in
 * spring-boot's smoke-test-property-validation). Runs the real application; it fails before it
 * connects to anything.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTests {

	final String key = TestKeys.generate();

	@Test
	void refusesToStartWithoutAnEncryptionKey(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--pipeline.encryption.keys="));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: pipeline.encryption.keys")
			.contains("is required: set PIPELINE_ENCRYPTION_KEYS")
			.contains("userstream-crypto.jar genkey");
	}

	@Test
	void refusesAMalformedKeyWithoutPrintingIt(CapturedOutput output) {
		String malformed = this.key.substring(0, 40) + "!!!!";

		assertThatException().isThrownBy(() -> run("--pipeline.encryption.keys=" + this.key + "," + malformed));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pipeline.encryption.keys: entry 2 of 2 is not a Fernet key")
			.contains("Set PIPELINE_ENCRYPTION_KEYS")
			.doesNotContain(malformed)
			.doesNotContain(this.key.substring(0, 40));
	}

	@Test
	void refusesABatchSizeBelowOne(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--producer.batch-size=0"));

		assertThat(output).contains("\"producer.batch-size\" from property source").contains("must be between 1 and 5000");
	}

	@Test
	void refusesABatchSizeAboveRandomUsersLimit(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--producer.batch-size=5001"));

		assertThat(output).contains("\"producer.batch-size\" from property source").contains("must be between 1 and 5000");
	}

	@Test
	void refusesAnUnknownSourceAndListsTheKnownOnes(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--producer.source=twitter"));

		assertThat(output).contains("producer.source").contains("twitter").contains("RANDOMUSER").contains("SYNTHETIC");
	}

	@Test
	void refusesAPauseThatIsNotPositive(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--producer.pause-interval=0"));

		assertThat(output).contains("\"producer.pause-interval\" from property source").contains("must be positive");
	}

	@Test
	void refusesANegativeStreamingDuration(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--producer.streaming-duration=-5s"));

		assertThat(output).contains("\"producer.streaming-duration\" from property source").contains("must be 0 (run until stopped) or positive");
	}

	@Test
	void refusesBootstrapServersThatAreNotHostAndPort(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--spring.kafka.bootstrap-servers=no port here"));

		assertThat(output).contains("APPLICATION FAILED TO START").contains("spring.kafka.bootstrap-servers");
	}

	@Test
	void refusesADurationItCannotRead(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--producer.pause-interval=soon"));

		assertThat(output).contains("APPLICATION FAILED TO START").contains("producer.pause-interval");
	}

	@Test
	void refusesABlankTopic(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--pipeline.topic= "));

		assertThat(output).contains("APPLICATION FAILED TO START").contains("pipeline.topic");
	}

	@Test
	void refusesAShortIngestTokenWithoutPrintingIt(CapturedOutput output) {
		String good = "0123456789abcdef0123";
		String shortToken = "tooShort42";

		assertThatException().isThrownBy(() -> run("--producer.ingest.tokens=" + good + "," + shortToken));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("producer.ingest.tokens: entry 2 of 2 is shorter than 16 characters")
			.contains("Set PRODUCER_INGEST_TOKENS")
			.doesNotContain(shortToken)
			.doesNotContain(good);
	}

	@Test
	void refusesKafkaCredentialsWithoutASaslProtocol(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--pipeline.kafka.sasl.username=u", "--pipeline.kafka.sasl.password=p"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pipeline.kafka.sasl.username is set but spring.kafka.security.protocol is PLAINTEXT")
			.contains("Set spring.kafka.security.protocol (env SPRING_KAFKA_SECURITY_PROTOCOL) to SASL_SSL");
	}

	/** The sink's SinkStartupValidationTests cover the other Kafka security rules of the same code. */
	@Test
	void refusesASaslProtocolWithoutCredentials(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--spring.kafka.security.protocol=SASL_SSL"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("spring.kafka.security.protocol is SASL_SSL but no SASL credentials are set")
			.contains("pipeline.kafka.sasl.username and pipeline.kafka.sasl.password");
	}

	/** Runs the application with valid settings, but for the {@code --name=value} overrides. */
	private void run(String... overrides) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("pipeline.encryption.keys", this.key);
		properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:9");
		properties.put("spring.kafka.admin.auto-create", "false");
		properties.put("producer.schedule.enabled", "false");
		properties.put("producer.source", "synthetic");
		for (String override : overrides) {
			String[] nameAndValue = override.substring(2).split("=", 2);
			properties.put(nameAndValue[0], nameAndValue[1]);
		}
		SpringApplication application = new SpringApplication(ProducerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(properties.entrySet().stream().map((p) -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new))
			.close();
	}

}
