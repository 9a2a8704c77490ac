package dev.userstream.producer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.userstream.model.Fernet;
import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, run as docs/operations.md says, against the suite's broker: it publishes for the
 * streaming duration and exits 0 like a Job; on SIGTERM it stops and flushes. The Spring context
 * here only supplies the broker's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "producer.schedule.enabled=false", "producer.source=synthetic", "pipeline.topic=producer-jar-context" })
@Import(KafkaTestConfiguration.class)
class ProducerJarIntegrationTests {

	static final Path JAR = Path.of("target", "producer-service.jar");

	static final Pattern SUMMARY = Pattern.compile("published (\\d+), failed (\\d+), in [0-9.]+ s");

	static final String KEY = TestKeys.generate();

	@Autowired
	KafkaAdmin kafkaAdmin;

	@TempDir
	Path logs;

	/** The jars this test started: a failed assertion must not leave one running (one streams forever). */
	final List<Process> started = new ArrayList<>();

	@AfterEach
	void stopWhatIsStillRunning() {
		this.started.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
	}

	@DynamicPropertySource
	static void encryptionKeys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> KEY);
	}

	@Test
	void publishesForTheStreamingDurationThenExitsWithZero() throws Exception {
		Path log = this.logs.resolve("run.log");
		Process process = start(log, "producer-jar-run", "--producer.streaming-duration=10s");

		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s").isTrue();

		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		Matcher summary = SUMMARY.matcher(output);
		assertThat(summary.find()).as(output).isTrue();
		long published = Long.parseLong(summary.group(1));
		assertThat(published).isGreaterThanOrEqualTo(100);
		assertThat(summary.group(2)).isEqualTo("0");
		List<ConsumerRecord<String, String>> records = TopicReader.readAll(bootstrapServers(), "producer-jar-run");
		assertThat(records).hasSize((int) published);
		assertReadable(records.get(0));
	}

	@Test
	void stopsOnSigtermAndFlushesWhatItSent() throws Exception {
		Path log = this.logs.resolve("sigterm.log");
		Process process = start(log, "producer-jar-sigterm", "--producer.streaming-duration=0");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Files.readString(log, StandardCharsets.UTF_8).contains("Fetching 100 user(s) every"));
		await().atMost(Duration.ofSeconds(30)).until(() -> !TopicReader.readAll(bootstrapServers(), "producer-jar-sigterm").isEmpty());

		process.destroy();

		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Matcher summary = SUMMARY.matcher(output);
		assertThat(summary.find()).as(output).isTrue();
		assertThat(output).contains("Stopped: published");
		assertThat(TopicReader.readAll(bootstrapServers(), "producer-jar-sigterm"))
			.hasSizeGreaterThanOrEqualTo(Integer.parseInt(summary.group(1)));
	}

	private Process start(Path log, String topic, String... more) throws IOException {
		assertThat(JAR).as("built by 'package' before the integration tests").exists();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-jar", JAR.toString(), "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
				"--producer.source=synthetic", "--producer.batch-size=100", "--producer.pause-interval=100ms",
				"--pipeline.topic=" + topic, "--server.port=0", "--management.server.port=0"));
		command.addAll(List.of(more));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("PIPELINE_ENCRYPTION_KEYS", KEY);
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	private String bootstrapServers() {
		return TopicReader.bootstrapServers(this.kafkaAdmin);
	}

	private static void assertReadable(ConsumerRecord<String, String> consumed) {
		UserRecord record = UserRecordJson.read(consumed.value());
		assertThat(consumed.key()).isEqualTo(record.userId());
		assertThat(Fernet.fromProperty(KEY, "test").decryptToString(record.email())).endsWith("@example.com");
		assertThat(record.source()).isEqualTo("synthetic");
	}

}
