package dev.userstream.model;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our tokens decrypt with Python's {@code cryptography.fernet} (what the original consumers use),
 * and Python's tokens decrypt here. Runs wherever {@code python3} with {@code cryptography} exists.
 * <p>
 * Values cross the process boundary as JSON lines, so any text (newlines, non-ASCII) survives; the
 * key goes through the environment rather than the command line, which other users can read.
 */
class PythonInteropTests {

	private static final List<String> PLAINTEXTS = List.of("bently.martin@example.com", "greenbutterfly827",
			"Ömer Özdemir 🦋", "", "line\nbreak", "x".repeat(5_000));

	private static final String DECRYPT = """
			import json, os, sys
			from cryptography.fernet import Fernet
			f = Fernet(os.environ["FERNET_KEY"])
			for line in sys.stdin:
			    print(json.dumps(f.decrypt(json.loads(line)).decode("utf-8")))
			""";

	private static final String ENCRYPT = """
			import json, os, sys
			from cryptography.fernet import Fernet
			f = Fernet(os.environ["FERNET_KEY"])
			for line in sys.stdin:
			    print(json.dumps(f.encrypt(json.loads(line).encode("utf-8")).decode("ascii")))
			""";

	private final FernetKey key = FernetKey.generate(new SecureRandom());

	private final Fernet fernet = Fernet.of(List.of(this.key));

	@BeforeAll
	static void requirePythonWithCryptography() {
		assumeTrue(pythonAvailable(), "python3 with the cryptography package is not installed");
	}

	@Test
	void pythonDecryptsOurTokens() {
		List<String> tokens = PLAINTEXTS.stream().map(this.fernet::encrypt).toList();

		assertThat(python(DECRYPT, tokens)).containsExactlyElementsOf(PLAINTEXTS);
	}

	@Test
	void weDecryptPythonsTokens() {
		List<String> tokens = python(ENCRYPT, PLAINTEXTS);

		assertThat(tokens).allSatisfy(Fernet::checkWellFormed);
		assertThat(tokens.stream().map(this.fernet::decryptToString)).containsExactlyElementsOf(PLAINTEXTS);
	}

	private List<String> python(String script, List<String> values) {
		String stdin = values.stream().map(UserRecordJson.mapper()::writeValueAsString).map((json) -> json + "\n")
			.reduce("", String::concat);
		ExternalProcess.Result result = ExternalProcess.run(List.of("python3", "-c", script),
				Map.of("PYTHONIOENCODING", "utf-8", "FERNET_KEY", this.key.encoded()), stdin);
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		return result.lines().stream().map((line) -> UserRecordJson.mapper().readValue(line, String.class)).toList();
	}

	private static boolean pythonAvailable() {
		try {
			return ExternalProcess.run(List.of("python3", "-c", "from cryptography.fernet import Fernet"), Map.of(), "")
				.exitCode() == 0;
		}
		catch (RuntimeException ex) {
			// no python3 on the PATH: ProcessBuilder.start fails
			return false;
		}
	}

}
