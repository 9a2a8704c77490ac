package dev.userstream.model;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import dev.userstream.model.FernetException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token layout: what encryption writes, and the structural checks that need no key.
 */
class FernetTokenTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final FernetKey KEY = FernetKey.generate(RANDOM);

	private static final Fernet FERNET = Fernet.of(List.of(KEY));

	@Test
	void stampsTokensWithTheClockInWholeSeconds() {
		Instant now = Instant.parse("2026-11-22T01:02:03.456Z");
		Fernet clocked = Fernet.of(List.of(KEY), Clock.fixed(now, ZoneOffset.UTC), RANDOM);

		byte[] token = Base64.getUrlDecoder().decode(clocked.encrypt("x"));

		assertThat(token[0]).isEqualTo((byte) 0x80);
		assertThat(FernetToken.parse(clocked.encrypt("x")).timestamp()).isEqualTo(now.getEpochSecond());
	}

	@Test
	void writesPaddedUrlSafeBase64() {
		for (int i = 0; i < 50; i++) {
			String token = FERNET.encrypt("user" + i);
			assertThat(token).startsWith("gAAAAA").matches("[A-Za-z0-9_-]+=*").hasSize(token.length() / 4 * 4);
		}
	}

	@Test
	void checksStructureWithoutKeys() {
		Fernet.checkWellFormed(FERNET.encrypt("x"));

		assertThat(reasonOfWellFormedCheck(null)).isEqualTo(Reason.TOO_SHORT);
		assertThat(reasonOfWellFormedCheck("")).isEqualTo(Reason.TOO_SHORT);
		assertThat(reasonOfWellFormedCheck("bently.martin@example.com")).isEqualTo(Reason.INVALID_BASE64);
		assertThat(reasonOfWellFormedCheck(FERNET.encrypt("x").replace("=", ""))).isEqualTo(Reason.INVALID_BASE64);
		assertThat(reasonOfWellFormedCheck(Base64.getUrlEncoder().encodeToString(new byte[89])))
			.isEqualTo(Reason.BAD_VERSION);
		assertThat(reasonOfWellFormedCheck(tokenOfLength(57))).isEqualTo(Reason.TOO_SHORT);
		assertThat(reasonOfWellFormedCheck(tokenOfLength(74))).isEqualTo(Reason.PAYLOAD_SIZE);
	}

	private static String tokenOfLength(int length) {
		byte[] bytes = new byte[length];
		bytes[0] = (byte) 0x80;
		return Base64.getUrlEncoder().encodeToString(bytes);
	}

	private static Reason reasonOfWellFormedCheck(String token) {
		try {
			Fernet.checkWellFormed(token);
			return null;
		}
		catch (FernetException ex) {
			return ex.reason();
		}
	}

}
