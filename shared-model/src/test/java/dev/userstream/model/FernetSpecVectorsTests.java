package dev.userstream.model;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.userstream.model.FernetException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The Fernet spec's own vectors (github.com/fernet/spec), all of them.
 */
class FernetSpecVectorsTests {

	/** The reason each invalid vector must be rejected with, by the vector's description. */
	private static final Map<String, Reason> EXPECTED = Map.of(
			"incorrect mac", Reason.INCORRECT_MAC,
			"too short", Reason.TOO_SHORT,
			"invalid base64", Reason.INVALID_BASE64,
			"payload size not multiple of block size", Reason.PAYLOAD_SIZE,
			"payload padding error", Reason.PADDING,
			"far-future TS (unacceptable clock skew)", Reason.CLOCK_SKEW,
			"expired TTL", Reason.EXPIRED,
			"incorrect IV (causes padding error)", Reason.PADDING);

	@ParameterizedTest(name = "{0}")
	@MethodSource("generateVectors")
	void generatesTheSpecToken(String src, JsonNode vector) {
		Fernet fernet = fernet(vector);
		byte[] iv = ivOf(vector);

		String token = fernet.encrypt(src.getBytes(StandardCharsets.UTF_8), now(vector), iv);

		assertThat(token).isEqualTo(vector.get("token").stringValue());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("verifyVectors")
	void decryptsTheSpecTokenWithinItsTtl(String src, JsonNode vector) {
		byte[] plaintext = fernet(vector).decrypt(vector.get("token").stringValue(), ttl(vector), now(vector));

		assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(src);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidVectors")
	void rejectsEachInvalidSpecTokenForItsReason(String desc, JsonNode vector) {
		assertThat(EXPECTED).as("expected reason for '%s'", desc).containsKey(desc);

		assertThatExceptionOfType(FernetException.class)
			.isThrownBy(() -> fernet(vector).decrypt(vector.get("token").stringValue(), ttl(vector), now(vector)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(EXPECTED.get(desc)));
	}

	@Test
	void coversAllEightInvalidVectors() {
		assertThat(invalidVectors()).hasSize(8);
		assertThat(EXPECTED).hasSize(8);
	}

	static List<Arguments> generateVectors() {
		return vectors("generate.json", "src");
	}

	static List<Arguments> verifyVectors() {
		return vectors("verify.json", "src");
	}

	static List<Arguments> invalidVectors() {
		return vectors("invalid.json", "desc");
	}

	private static List<Arguments> vectors(String file, String nameField) {
		JsonNode all = Fixtures.json("fernet-spec/" + file);
		return Stream.iterate(0, (i) -> i < all.size(), (i) -> i + 1)
			.map(all::get)
			.map((vector) -> arguments(vector.get(nameField).stringValue(), vector))
			.toList();
	}

	private static Fernet fernet(JsonNode vector) {
		return Fernet.of(List.of(FernetKey.parse(vector.get("secret").stringValue())));
	}

	private static Instant now(JsonNode vector) {
		return OffsetDateTime.parse(vector.get("now").stringValue()).toInstant();
	}

	private static Duration ttl(JsonNode vector) {
		return Duration.ofSeconds(vector.get("ttl_sec").longValue());
	}

	private static byte[] ivOf(JsonNode vector) {
		JsonNode values = vector.get("iv");
		byte[] iv = new byte[values.size()];
		for (int i = 0; i < iv.length; i++) {
			iv[i] = (byte) values.get(i).intValue();
		}
		return iv;
	}

}
