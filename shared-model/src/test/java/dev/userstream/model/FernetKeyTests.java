package dev.userstream.model;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FernetKeyTests {

	private static final String PROPERTY = "pipeline.encryption.keys";

	private final String key = FernetKey.generate(new SecureRandom()).encoded();

	@Test
	void generatesUrlSafeBase64Of32Bytes() {
		assertThat(this.key).hasSize(44).endsWith("=").matches("[A-Za-z0-9_-]{43}=");
		assertThat(Base64.getUrlDecoder().decode(this.key)).hasSize(32);
	}

	@Test
	void parsesItsOwnEncodingAndIgnoresSurroundingWhitespace() {
		assertThat(FernetKey.parse(this.key).encoded()).isEqualTo(this.key);
		assertThat(FernetKey.parse(" " + this.key + "\n").encoded()).isEqualTo(this.key);
	}

	@Test
	void neverShowsKeyMaterialInToString() {
		assertThat(FernetKey.parse(this.key).toString()).isEqualTo("FernetKey[redacted]");
	}

	@Test
	void rejectsTextThatIsNotAKeyWithoutRepeatingIt() {
		for (String notAKey : List.of("short", this.key.substring(4), this.key.replace('-', '+') + "%", "a".repeat(44))) {
			assertThatIllegalArgumentException().isThrownBy(() -> FernetKey.parse(notAKey))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(notAKey).contains("32 bytes"));
		}
	}

	@Test
	void readsAKeyListWhoseFirstKeyEncrypts() {
		String second = FernetKey.generate(new SecureRandom()).encoded();
		Fernet fernet = Fernet.fromProperty(this.key + ", " + second, PROPERTY);

		String token = fernet.encrypt("x");

		assertThat(Fernet.fromProperty(this.key, PROPERTY).decryptToString(token)).isEqualTo("x");
		assertThat(Fernet.fromProperty(second, PROPERTY).isAuthentic(token)).isFalse();
	}

	@Test
	void namesThePropertyWhenTheKeysAreMissing() {
		for (String missing : new String[] { null, "", "  " }) {
			assertThatIllegalArgumentException().isThrownBy(() -> Fernet.fromProperty(missing, PROPERTY))
				.withMessageStartingWith(PROPERTY + " is not set")
				.withMessageContaining("java -jar userstream-crypto.jar genkey");
		}
	}

	@Test
	void namesThePropertyAndTheEntryButNeverTheKeyWhenAKeyIsMalformed() {
		String malformed = this.key.substring(0, 40) + "!!!!";

		assertThatIllegalArgumentException().isThrownBy(() -> Fernet.fromProperty(this.key + "," + malformed, PROPERTY))
			.withMessage(PROPERTY + ": entry 2 of 2 is not a Fernet key (32 bytes, url-safe base64)."
					+ " Generate one with: java -jar userstream-crypto.jar genkey")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(malformed)
				.doesNotContain(this.key)
				.doesNotContain(malformed.substring(0, 8)));
	}

	@Test
	void reportsAnEmptyEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fernet.fromProperty(this.key + ",", PROPERTY))
			.withMessageStartingWith(PROPERTY + ": entry 2 of 2 is empty");
	}

}
