package dev.userstream.model.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;
import dev.userstream.model.Fixtures;
import dev.userstream.model.UserRecordJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CryptoCliTests {

	private final String key = FernetKey.generate(new SecureRandom()).encoded();

	private final Map<String, String> env = Map.of(CryptoCli.KEYS_ENV, this.key);

	private final Fernet fernet = Fernet.fromProperty(this.key, "test");

	@Test
	void printsANewKeyWithoutNeedingTheEnvironment() {
		Outcome outcome = run("", Map.of(), "genkey");

		assertThat(outcome.code()).isZero();
		assertThat(FernetKey.parse(outcome.out().strip()).encoded()).isEqualTo(outcome.out().strip());
		assertThat(outcome.out()).hasSize(45).endsWith("=\n");
	}

	@Test
	void printsVerificationKeysThatVerifyButCannotDecrypt() {
		String older = FernetKey.generate(new SecureRandom()).encoded();
		Outcome outcome = run("", Map.of(CryptoCli.KEYS_ENV, this.key + "," + older), "verifykeys");

		assertThat(outcome.code()).isZero();
		String verificationKeys = outcome.out().strip();
		assertThat(verificationKeys.split(",")).hasSize(2).allSatisfy((k) -> assertThat(k).hasSize(24));
		assertThat(verificationKeys).doesNotContain(this.key.substring(24), older.substring(24));
		Fernet verifier = Fernet.verifierFromProperty(verificationKeys, "test");
		String token = this.fernet.encrypt("bently.martin@example.com");
		verifier.verify(token);
		assertThat(verifier.isAuthentic(Fernet.fromProperty(older, "test").encrypt("x"))).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> verifier.decrypt(token));
	}

	@Test
	void encryptsEachNonBlankLine() {
		Outcome outcome = run("bently.martin@example.com\n\n  \nÖmer Özdemir\n", this.env, "encrypt");

		assertThat(outcome.code()).isZero();
		assertThat(outcome.lines()).hasSize(2);
		assertThat(outcome.lines().stream().map(this.fernet::decryptToString))
			.containsExactly("bently.martin@example.com", "Ömer Özdemir");
	}

	@Test
	void decryptsEachNonBlankLineWithAnyOfTheKeys() {
		String older = FernetKey.generate(new SecureRandom()).encoded();
		String input = this.fernet.encrypt("one") + "\n\n" + Fernet.fromProperty(older, "test").encrypt("two") + "  \n";

		Outcome outcome = run(input, Map.of(CryptoCli.KEYS_ENV, this.key + "," + older), "decrypt");

		assertThat(outcome.code()).isZero();
		assertThat(outcome.out()).isEqualTo("one\ntwo\n");
	}

	@Test
	void stopsAtABadTokenNamingItsLineAndReasonButNotItsContent() {
		String foreign = Fernet.fromProperty(FernetKey.generate(new SecureRandom()).encoded(), "test").encrypt("x");
		String input = this.fernet.encrypt("one") + "\n\n" + foreign + "\n" + this.fernet.encrypt("four") + "\n";

		Outcome outcome = run(input, this.env, "decrypt");

		assertThat(outcome.code()).isEqualTo(1);
		assertThat(outcome.out()).isEqualTo("one\n");
		assertThat(outcome.err()).startsWith("userstream-crypto: line 3: ")
			.contains("INCORRECT_MAC")
			.doesNotContain(foreign);
	}

	@Test
	void decryptsTheOriginalProducersRecordsKeepingOtherFields() {
		String input = String.join("\n", Fixtures.originalMessages()) + "\n";

		Outcome outcome = run(input, Map.of(CryptoCli.KEYS_ENV, Fixtures.originalKey()), "decrypt-record");

		assertThat(outcome.code()).as(outcome.err()).isZero();
		JsonNode plaintexts = Fixtures.originalPlaintexts();
		assertThat(outcome.lines()).hasSize(3);
		for (int i = 0; i < 3; i++) {
			JsonNode record = UserRecordJson.mapper().readTree(outcome.lines().get(i));
			JsonNode original = UserRecordJson.mapper().readTree(Fixtures.originalMessages().get(i));
			for (String field : List.of("email", "username", "password")) {
				assertThat(record.get(field).stringValue()).isEqualTo(plaintexts.get(i).get(field).stringValue());
			}
			for (String field : List.of("name", "gender", "country", "state", "city", "dob")) {
				assertThat(record.get(field)).isEqualTo(original.get(field));
			}
		}
	}

	@Test
	void keepsUnknownFieldsOfARecord() {
		String input = "{\"user_id\":\"u1\",\"email\":\"" + this.fernet.encrypt("e") + "\",\"username\":\""
				+ this.fernet.encrypt("u") + "\",\"password\":\"" + this.fernet.encrypt("p") + "\",\"phone\":\"555\"}";

		Outcome outcome = run(input, this.env, "decrypt-record");

		assertThat(outcome.out())
			.isEqualTo("{\"user_id\":\"u1\",\"email\":\"e\",\"username\":\"u\",\"password\":\"p\",\"phone\":\"555\"}\n");
	}

	@Test
	void stopsAtABadRecordNamingItsLine() {
		String good = Fixtures.originalMessages().get(0);
		String noPassword = good.replace("\"password\"", "\"pass\"");

		assertThat(run(good + "\nnot json\n", Map.of(CryptoCli.KEYS_ENV, Fixtures.originalKey()), "decrypt-record"))
			.satisfies((outcome) -> assertThat(outcome.code()).isEqualTo(1))
			.satisfies((outcome) -> assertThat(outcome.err()).contains("line 2: not a JSON object"));
		assertThat(run("\n" + noPassword, Map.of(CryptoCli.KEYS_ENV, Fixtures.originalKey()), "decrypt-record").err())
			.contains("line 2: field password is missing or not a string");
		assertThat(run(good, this.env, "decrypt-record").err()).contains("line 1: field email: ").contains("INCORRECT_MAC");
	}

	@Test
	void namesTheEnvironmentVariableWhenKeysAreMissingOrMalformed() {
		Outcome missing = run("x\n", Map.of(), "encrypt");
		Outcome malformed = run("x\n", Map.of(CryptoCli.KEYS_ENV, "not-a-key-at-all"), "decrypt");

		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.err()).contains("PIPELINE_ENCRYPTION_KEYS is not set").contains("genkey");
		assertThat(malformed.code()).isEqualTo(2);
		assertThat(malformed.err()).contains("PIPELINE_ENCRYPTION_KEYS: entry 1 of 1 is not a Fernet key")
			.doesNotContain("not-a-key-at-all");
	}

	@Test
	void documentsEveryCommandAndTheEnvironment() {
		for (String help : List.of("--help", "-h")) {
			Outcome outcome = run("", Map.of(), help);
			assertThat(outcome.code()).isZero();
			assertThat(outcome.out()).contains("genkey", "encrypt", "decrypt", "decrypt-record", "PIPELINE_ENCRYPTION_KEYS",
					"blank lines are skipped");
		}
	}

	@Test
	void rejectsAnUnknownOrMissingCommandWithUsage() {
		for (String[] args : List.of(new String[] { "encrypt-everything" }, new String[0],
				new String[] { "decrypt", "extra" })) {
			Outcome outcome = run("", this.env, args);
			assertThat(outcome.code()).isEqualTo(2);
			assertThat(outcome.out()).isEmpty();
			assertThat(outcome.err()).contains("Usage:");
		}
	}

	private static Outcome run(String input, Map<String, String> env, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = CryptoCli.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
		return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Outcome(int code, String out, String err) {

		List<String> lines() {
			return this.out.lines().toList();
		}

	}

}
