package dev.userstream.sink.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;
import dev.userstream.model.UserRecordJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid wire records for the fuzz test, every byte a function of the seed: the Fernet key, ids, names,
 * and the tokens' IVs and timestamps. So a seed replays the very same records. The records are JSON
 * trees, for the generator to mutate before it renders them.
 */
final class FuzzUsers {

	/** Every {@code produced_at} lies within the hour after this, so two versions of a user share a day in S3. */
	static final Instant PRODUCED = Instant.parse("2026-06-01T12:00:00Z");

	/** Replaced by raw bytes in {@link #render(ObjectNode, byte[])}. */
	static final String RAW = "__RAW__";

	private static final DateTimeFormatter RANDOMUSER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String[] NAMES = { "Bently Martin", "Ömer Özdemir", "Zoë Ð'Ángelo", "李 小龍", "Åsa Nyström",
			"Ngozi Okafor", "Ιωάννα Παππά" };

	private final SplittableRandom random;

	private final String key;

	private final Fernet fernet;

	private final Fernet foreign;

	FuzzUsers(SplittableRandom random) {
		this.random = random;
		this.key = newKey();
		this.fernet = Fernet.of(List.of(FernetKey.parse(this.key)));
		this.foreign = Fernet.of(List.of(FernetKey.parse(newKey())));
	}

	private String newKey() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().encodeToString(bytes);
	}

	/** The key the tokens are made with, for the sink's {@code PIPELINE_ENCRYPTION_KEYS}. */
	String key() {
		return this.key;
	}

	/** A random version 4 UUID, lower case. */
	String uuid() {
		long msb = (this.random.nextLong() & ~0xF000L) | 0x4000L;
		long lsb = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb).toString();
	}

	/** A valid record with a fresh id. */
	ObjectNode user() {
		int n = this.random.nextInt(1_000_000);
		ObjectNode user = UserRecordJson.mapper().createObjectNode();
		user.put("user_id", uuid());
		user.put("name", NAMES[this.random.nextInt(NAMES.length)] + " " + n);
		user.put("gender", this.random.nextBoolean() ? "female" : "male");
		user.put("country", "Country " + n);
		user.put("state", "State " + n);
		user.put("city", "City " + n);
		user.put("email", token("user" + n + "@example.com"));
		ObjectNode dob = user.putObject("dob");
		dob.put("date", RANDOMUSER.format(Instant.parse("1945-01-01T00:00:00Z")
			.plus(Duration.ofMinutes(this.random.nextLong(60L * 24 * 365 * 60)))
			.plusMillis(this.random.nextInt(1000))));
		dob.put("age", 20 + this.random.nextInt(60));
		user.put("username", token("user" + n));
		user.put("password", token("secret-" + n));
		user.put("source", "fuzz");
		user.put("produced_at", PRODUCED.plusMillis(this.random.nextLong(3_600_000)).toString());
		user.put("schema_version", 1);
		return user;
	}

	/** A token of the plaintext under the test's key. */
	String token(String plaintext) {
		return token(this.fernet, plaintext);
	}

	/** A well-formed token under a key the sink does not know. */
	String foreignToken(String plaintext) {
		return token(this.foreign, plaintext);
	}

	private String token(Fernet codec, String plaintext) {
		byte[] iv = new byte[16];
		this.random.nextBytes(iv);
		return codec.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), PRODUCED.minusSeconds(this.random.nextInt(86_400)), iv);
	}

	/** The record as UTF-8 JSON. */
	static byte[] render(ObjectNode user) {
		return UserRecordJson.mapper().writeValueAsBytes(user);
	}

	/** The record as UTF-8 JSON, with the first {@code "__RAW__"} string (quotes included) replaced by {@code raw}. */
	static byte[] render(ObjectNode user, byte[] raw) {
		String json = UserRecordJson.mapper().writeValueAsString(user);
		int at = json.indexOf('"' + RAW + '"');
		if (at < 0) {
			throw new IllegalArgumentException("no " + RAW + " placeholder in the record");
		}
		byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
		byte[] tail = json.substring(at + RAW.length() + 2).getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[head.length + raw.length + tail.length];
		System.arraycopy(head, 0, out, 0, head.length);
		System.arraycopy(raw, 0, out, head.length, raw.length);
		System.arraycopy(tail, 0, out, head.length + raw.length, tail.length);
		return out;
	}

	/** {@link #render(ObjectNode, byte[])} with raw JSON text. */
	static byte[] render(ObjectNode user, String raw) {
		return render(user, raw.getBytes(StandardCharsets.UTF_8));
	}

}
