package dev.userstream.model.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.userstream.model.ExternalProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shaded {@code target/userstream-crypto.jar} as an operator would, in a fresh JVM with
 * nothing but the jar on the class path: proves the manifest, the main class and the bundled
 * Jackson. Runs in the verify phase, after package has built the jar.
 */
class CryptoJarIntegrationTests {

	private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "userstream-crypto.jar");

	@Test
	void generatesAKeyWithoutAnyEnvironment() {
		ExternalProcess.Result result = crypto(null, "", "genkey");

		assertThat(result.exitCode()).as(result.stderr()).isZero();
		assertThat(result.stdout()).matches("[A-Za-z0-9_-]{43}=\n");
	}

	@Test
	void decryptsWhatItEncrypts() {
		String key = crypto(null, "", "genkey").stdout().strip();
		String plaintexts = "bently.martin@example.com\nÖmer Özdemir\n";

		ExternalProcess.Result encrypted = crypto(key, plaintexts, "encrypt");
		ExternalProcess.Result decrypted = crypto(key, encrypted.stdout(), "decrypt");

		assertThat(encrypted.exitCode()).as(encrypted.stderr()).isZero();
		assertThat(encrypted.lines()).hasSize(2).allSatisfy((token) -> assertThat(token).startsWith("gAAAAA"));
		assertThat(decrypted.exitCode()).as(decrypted.stderr()).isZero();
		assertThat(decrypted.stdout()).isEqualTo(plaintexts);
	}

	@Test
	void printsHelp() {
		ExternalProcess.Result result = crypto(null, "", "--help");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).contains("decrypt-record", "PIPELINE_ENCRYPTION_KEYS");
	}

	private static ExternalProcess.Result crypto(String keys, String stdin, String... args) {
		assertThat(JAR).as("built by the package phase").isRegularFile();
		List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		Map<String, String> env = new HashMap<>();
		env.put(CryptoCli.KEYS_ENV, keys);
		return ExternalProcess.run(command, env, stdin);
	}

	private static String java() {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return Files.isExecutable(java) ? java.toString() : java.resolveSibling("java.exe").toString();
	}

}
