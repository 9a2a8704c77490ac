package dev.userstream.sink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Bad configuration stops the sink at start-up, before it consumes anything, with a failure analysis
 * whose description names the property (and never prints a key). Runs the real application in-process;
 * {@code SinkJarStartupIntegrationTests} checks the exit code of the packaged jar.
 */
@ExtendWith(OutputCaptureExtension.class)
class SinkStartupValidationTests {

	static Stream<Arguments> badSettings() {
		String key = TestUsers.KEY;
		return Stream.of(
				Arguments.of("pipeline.encryption.keys", Map.of("pipeline.encryption.keys", key + ",not-a-key")),
				Arguments.of("pipeline.encryption.keys", Map.of("pipeline.encryption.keys", key.substring(0, 40) + "!!!!")),
				Arguments.of("pipeline.topic", Map.of("pipeline.topic", " ")),
				Arguments.of("spring.kafka.bootstrap-servers", Map.of("spring.kafka.bootstrap-servers", "no port here")),
				Arguments.of("sink.s3.layout", Map.of("sink.s3.layout", "diagonal")),
				Arguments.of("sink.s3.bucket", Map.of("sink.s3.bucket", "Not_A_Bucket")),
				Arguments.of("sink.s3.upload-concurrency", Map.of("sink.s3.upload-concurrency", "0")),
				// a constraint of a nested record is reported under its Java name
				Arguments.of("sink.s3.batch.maxRecords", Map.of("sink.s3.layout", "batch", "sink.s3.batch.max-records", "0")),
				Arguments.of("sink.s3.batch.rotate-interval", Map.of("sink.s3.layout", "batch", "sink.s3.batch.rotate-interval", "soon")),
				Arguments.of("sink.retry.initial-interval", Map.of("sink.retry.initial-interval", "soon")),
				Arguments.of("sink.retry.max-interval", Map.of("sink.retry.max-interval", "-1s")),
				Arguments.of("sink.dead-letter.max-record-size", Map.of("sink.dead-letter.max-record-size", "huge")),
				// Kafka security (the producer's StartupValidationTests cover the protocol rules of the same code)
				Arguments.of("pipeline.kafka.sasl.password", Map.of("pipeline.kafka.sasl.username", "u", "spring.kafka.security.protocol", "SASL_SSL")),
				Arguments.of("pipeline.kafka.sasl.mechanism", Map.of("pipeline.kafka.sasl.mechanism", "GSSAPI")),
				Arguments.of("spring.kafka.properties.sasl.jaas.config", Map.of("pipeline.kafka.sasl.username", "u", "pipeline.kafka.sasl.password", "p",
						"spring.kafka.security.protocol", "SASL_SSL", "spring.kafka.properties.sasl.jaas.config", "x required;")),
				// Boot's own analysis: it names the DataSource and the driver it could not find for the URL
				Arguments.of("Failed to configure a DataSource", Map.of("spring.profiles.active", "jpa", "spring.datasource.url", "jdbc:nosuchdb://127.0.0.1/x")));
	}

	@ParameterizedTest(name = "{1} -> {0}")
	@MethodSource("badSettings")
	void refusesToStartAndNamesTheProperty(String property, Map<String, String> settings, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(settings));

		String analysis = output.getOut() + output.getErr();
		assertThat(analysis).contains("APPLICATION FAILED TO START");
		String description = analysis.substring(analysis.indexOf("APPLICATION FAILED TO START"));
		assertThat(description.lines().filter((line) -> line.contains(property)))
			.as("a line naming %s in:%n%s", property, description).isNotEmpty();
		assertThat(analysis).doesNotContain(TestUsers.KEY).doesNotContain(TestUsers.KEY.substring(0, 40));
	}

	/** Runs the sink with valid settings (profile s3, nothing reachable needed), but for the overrides. */
	private static void run(Map<String, String> overrides) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.profiles.active", "s3");
		properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:9");
		properties.put("spring.kafka.admin.auto-create", "false");
		properties.put("spring.kafka.listener.auto-startup", "false");
		properties.put("spring.cloud.aws.s3.endpoint", "http://127.0.0.1:9");
		properties.put("spring.cloud.aws.credentials.access-key", "test");
		properties.put("spring.cloud.aws.credentials.secret-key", "test");
		properties.putAll(overrides);
		SpringApplication application = new SpringApplication(SinkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(properties.entrySet().stream().map((p) -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new))
			.close();
	}

}
