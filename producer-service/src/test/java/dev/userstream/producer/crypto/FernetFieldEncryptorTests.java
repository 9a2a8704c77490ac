package dev.userstream.producer.crypto;

import dev.userstream.support.keys.InvalidEncryptionKeysException;

import java.util.List;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetException;
import dev.userstream.model.FernetKey;
import dev.userstream.producer.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FernetFieldEncryptorTests {

	final String first = TestKeys.generate();

	final String second = TestKeys.generate();

	@Test
	void encryptsWithTheFirstKeySoThatAnyHolderOfItDecrypts() {
		FernetFieldEncryptor encryptor = new FernetFieldEncryptor(new CryptoProperties(this.first + "," + this.second));

		String token = encryptor.encrypt("jörg.müller@example.com");

		assertThat(token).startsWith("gAAAAA").doesNotContain("example");
		assertThat(Fernet.fromProperty(this.first, "test").decryptToString(token)).isEqualTo("jörg.müller@example.com");
		assertThatExceptionOfType(FernetException.class)
			.isThrownBy(() -> Fernet.of(List.of(FernetKey.parse(this.second))).decrypt(token));
	}

	@Test
	void makesADifferentTokenEachTime() {
		FernetFieldEncryptor encryptor = new FernetFieldEncryptor(new CryptoProperties(this.first));

		assertThat(encryptor.encrypt("elvis1")).isNotEqualTo(encryptor.encrypt("elvis1"));
	}

	@Test
	void refusesAMalformedKeyNamingThePropertyButNotTheKey() {
		String malformed = "c2hvcnQta2V5LW5vdC0zMi1ieXRlcw==";

		assertThatExceptionOfType(InvalidEncryptionKeysException.class)
			.isThrownBy(() -> new FernetFieldEncryptor(new CryptoProperties(this.first + "," + malformed)))
			.withMessageContaining("pipeline.encryption.keys: entry 2 of 2 is not a Fernet key")
			.withMessageNotContaining(malformed)
			.withMessageNotContaining(this.first)
			.withNoCause();
	}

	@Test
	void neverShowsTheKeysInToString() {
		assertThat(new CryptoProperties(this.first)).asString().doesNotContain(this.first).contains("redacted");
	}

}
