package dev.userstream.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.EmbeddedS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the repackaged {@code target/userstream.jar} as an operator would, in a fresh JVM with nothing
 * but the jar: its manifest and launcher, picocli's exit codes, and the Kafka client and AWS SDK inside it
 * at work. Runs in the verify phase, after package has built the jar.
 */
class CliJarIntegrationTests {

	private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "userstream.jar");

	@Test
	void printsHelpAndUsageErrorsExitWithTwo() {
		Result help = userstream(Map.of(), "", "--help");
		Result rotateHelp = userstream(Map.of(), "", "rotate", "--help");
		Result usage = userstream(Map.of(), "", "dlt", "replay");

		assertThat(help.exitCode()).as(help.toString()).isZero();
		assertThat(help.stdout()).contains("Usage: userstream", "crypto", "dlt", "rotate");
		assertThat(rotateHelp.exitCode()).isZero();
		assertThat(rotateHelp.stdout()).contains("--jdbc-url", "--s3-bucket", "PIPELINE_ENCRYPTION_KEYS");
		assertThat(usage.exitCode()).isEqualTo(2);
		assertThat(usage.stderr()).contains("Missing required option: '--bootstrap-servers");
	}

	@Test
	void cryptoRoundTrips() {
		Result genkey = userstream(Map.of(), "", "crypto", "genkey");
		Map<String, String> env = Map.of("PIPELINE_ENCRYPTION_KEYS", genkey.stdout().strip());

		Result encrypted = userstream(env, "Ömer Özdemir\n", "crypto", "encrypt");
		Result decrypted = userstream(env, encrypted.stdout(), "crypto", "decrypt");

		assertThat(genkey.exitCode()).as(genkey.toString()).isZero();
		assertThat(decrypted.exitCode()).as(decrypted.toString()).isZero();
		assertThat(decrypted.stdout()).isEqualTo("Ömer Özdemir\n");
	}

	@Test
	void replayAndRotateReachTheirServices() {
		Result replay = userstream(Map.of(), "", "dlt", "replay", "--bootstrap-servers", EmbeddedKafka.bootstrapServers(),
				"--topic", "never-dead-lettered");
		assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(1);
		assertThat(replay.stderr()).contains("never-dead-lettered-dlt does not exist");

		String bucket = "jar-" + UUID.randomUUID().toString().substring(0, 8);
		try (S3Client s3 = EmbeddedS3.server().client()) {
			s3.createBucket((create) -> create.bucket(bucket));
		}
		Map<String, String> env = Map.of("PIPELINE_ENCRYPTION_KEYS", Keys.generate().newKey().encoded(),
				"AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1");
		Result rotate = userstream(env, "", "rotate", "--s3-bucket", bucket, "--s3-endpoint",
				EmbeddedS3.server().endpoint().toString());
		assertThat(rotate.exitCode()).as(rotate.toString()).isZero();
		assertThat(rotate.stdout()).contains("objects scanned 0, rotated 0");
	}

	private static Result userstream(Map<String, String> env, String stdin, String... args) {
		assertThat(JAR).as("built by the package phase").isRegularFile();
		List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().remove("PIPELINE_ENCRYPTION_KEYS");
		builder.environment().putAll(env);
		try {
			Path out = Files.createTempFile("userstream-out", ".txt");
			Path err = Files.createTempFile("userstream-err", ".txt");
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().close();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("userstream " + String.join(" ", args) + " did not end");
			}
			Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
			Files.delete(out);
			Files.delete(err);
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String java() {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return Files.isExecutable(java) ? java.toString() : java.resolveSibling("java.exe").toString();
	}

	record Result(int exitCode, String stdout, String stderr) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.stdout + "--- stderr\n" + this.stderr;
		}

	}

}
