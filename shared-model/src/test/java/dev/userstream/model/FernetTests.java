package dev.userstream.model;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.userstream.model.FernetException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FernetTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The spec's generate vector: "hello" at 1985-10-26T08:20:00Z. */
	private static final String SPEC_SECRET = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";

	private static final String SPEC_TOKEN = "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";

	private final FernetKey key = FernetKey.generate(RANDOM);

	private final Fernet fernet = Fernet.of(List.of(this.key));

	@Test
	void rotateReEncryptsUnderTheFirstKeyKeepingTheTimestampLikeMultiFernet() {
		FernetKey newKey = FernetKey.generate(RANDOM);
		String old = this.fernet.encrypt("hello".getBytes(StandardCharsets.UTF_8), Instant.ofEpochSecond(499162800),
				new byte[16]);
		Fernet both = Fernet.of(List.of(newKey, this.key));
		assertThat(both.isSignedByFirstKey(old)).isFalse();

		String rotated = both.rotate(old);

		Fernet newOnly = Fernet.of(List.of(newKey));
		assertThat(newOnly.decryptToString(rotated)).isEqualTo("hello");
		assertThat(both.isSignedByFirstKey(rotated)).isTrue();
		assertThat(Base64.getUrlDecoder().decode(rotated)).startsWith(Base64.getUrlDecoder().decode(old)[0],
				(byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0x1d, (byte) 0xc0, (byte) 0x9e, (byte) 0xb0);
		assertThat(both.rotate(old)).as("a new IV each time").isNotEqualTo(rotated);
		assertThatExceptionOfType(FernetException.class)
			.isThrownBy(() -> Fernet.of(List.of(newKey)).rotate(old));
		assertThat(newOnly.isSignedByFirstKey("not a token")).isFalse();
	}

	@Test
	void verificationKeysAcceptAuthenticTokensRejectOthersAndNeverDecrypt() {
		String token = this.fernet.encrypt("bently.martin@example.com");
		Fernet verifier = Fernet.verifierFromProperty(this.key.verificationKey(), "pipeline.encryption.keys");

		verifier.verify(token);
		assertThat(verifier.isAuthentic(Fernet.of(List.of(FernetKey.generate(RANDOM))).encrypt("x"))).isFalse();
		assertThat(this.key.canDecrypt()).isTrue();
		assertThat(FernetKey.parseForVerification(this.key.verificationKey()).canDecrypt()).isFalse();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> verifier.decrypt(token));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> verifier.encrypt("x"));
	}

	@Test
	void verificationKeysAreRefusedWhereAKeyMustEncryptOrDecrypt() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Fernet.fromProperty(this.key.verificationKey(), "pipeline.encryption.keys"))
			.withMessageContaining("pipeline.encryption.keys: entry 1 of 1")
			.withMessageNotContaining(this.key.verificationKey());
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Fernet.verifierFromProperty("c2hvcnQ=", "pipeline.encryption.keys"))
			.withMessageContaining("or its verification key");
	}

	@Test
	void roundTripsUnicodeEmptyAndLongText() {
		for (String plaintext : List.of("bently.martin@example.com", "Ömer Özdemir 🦋", "", "x".repeat(10_000))) {
			assertThat(this.fernet.decryptToString(this.fernet.encrypt(plaintext))).isEqualTo(plaintext);
		}
	}

	@Test
	void roundTripsEveryLengthAroundTheBlockSize() {
		for (int length = 0; length <= 48; length++) {
			byte[] plaintext = new byte[length];
			RANDOM.nextBytes(plaintext);
			assertThat(this.fernet.decrypt(this.fernet.encrypt(plaintext))).isEqualTo(plaintext);
		}
	}

	@Test
	void makesADifferentTokenEachTime() {
		assertThat(this.fernet.encrypt("same")).isNotEqualTo(this.fernet.encrypt("same"));
	}

	@Test
	void appliesNoTtlByDefault() {
		Fernet spec = Fernet.of(List.of(FernetKey.parse(SPEC_SECRET)));

		assertThat(spec.decryptToString(SPEC_TOKEN)).isEqualTo("hello");
	}

	@Test
	void appliesATtlWhenAsked() {
		Instant made = Instant.parse("2026-11-22T00:00:00Z");
		String token = this.fernet.encrypt("x".getBytes(StandardCharsets.UTF_8), made, new byte[16]);

		assertThat(this.fernet.decrypt(token, Duration.ofSeconds(60), made.plusSeconds(60))).containsExactly('x');
		assertThatExceptionOfType(FernetException.class)
			.isThrownBy(() -> this.fernet.decrypt(token, Duration.ofSeconds(60), made.plusSeconds(61)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.EXPIRED));
		assertThatExceptionOfType(FernetException.class)
			.isThrownBy(() -> this.fernet.decrypt(token, Duration.ofDays(1), made.minusSeconds(61)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CLOCK_SKEW));
	}

	@Test
	void decryptsTokensOfAnOldKeyAfterRotation() {
		String oldToken = this.fernet.encrypt("before rotation");
		FernetKey newKey = FernetKey.generate(RANDOM);
		Fernet rotated = Fernet.of(List.of(newKey, this.key));

		String newToken = rotated.encrypt("after rotation");

		assertThat(rotated.decryptToString(oldToken)).isEqualTo("before rotation");
		assertThat(Fernet.of(List.of(newKey)).decryptToString(newToken)).isEqualTo("after rotation");
		assertThat(this.fernet.isAuthentic(newToken)).isFalse();
	}

	@Test
	void rejectsATokenOfAnUnknownKeyAsIncorrectMac() {
		String token = Fernet.of(List.of(FernetKey.generate(RANDOM))).encrypt("secret plaintext");

		assertThatExceptionOfType(FernetException.class).isThrownBy(() -> this.fernet.decrypt(token))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INCORRECT_MAC));
	}

	@Test
	void rejectsATamperedToken() {
		byte[] token = Base64.getUrlDecoder().decode(this.fernet.encrypt("secret plaintext"));
		token[30] ^= 1;
		String tampered = Base64.getUrlEncoder().encodeToString(token);

		assertThat(this.fernet.isAuthentic(tampered)).isFalse();
		assertThatExceptionOfType(FernetException.class).isThrownBy(() -> this.fernet.verify(tampered))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INCORRECT_MAC));
	}

	@Test
	void verifiesAuthenticTokensUnderAnyOfItsKeys() {
		Fernet rotated = Fernet.of(List.of(FernetKey.generate(RANDOM), this.key));

		assertThat(rotated.isAuthentic(this.fernet.encrypt("x"))).isTrue();
		assertThat(rotated.isAuthentic(rotated.encrypt("x"))).isTrue();
		assertThat(rotated.isAuthentic("not a token")).isFalse();
	}

	@Test
	void neverPutsTokenOrPlaintextIntoMessages() {
		String token = Fernet.of(List.of(FernetKey.generate(RANDOM))).encrypt("secret plaintext");

		assertThatExceptionOfType(FernetException.class).isThrownBy(() -> this.fernet.decrypt(token))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(token)
				.doesNotContain("secret plaintext")
				.doesNotContain(this.key.encoded()));
		assertThat(this.fernet).hasToString("Fernet[keys=1]");
	}

	@Test
	void isSafeToShareBetweenThreads() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			IntStream.range(0, 64).forEach((task) -> results.add(pool.submit(() -> roundTripsManyTimes(task))));
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private boolean roundTripsManyTimes(int task) {
		for (int i = 0; i < 500; i++) {
			String plaintext = "user-" + task + "-" + i + "@example.com";
			if (!this.fernet.decryptToString(this.fernet.encrypt(plaintext)).equals(plaintext)) {
				return false;
			}
		}
		return true;
	}

}
