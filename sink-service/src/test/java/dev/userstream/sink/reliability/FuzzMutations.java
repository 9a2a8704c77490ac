package dev.userstream.sink.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.userstream.sink.reliability.FuzzRecords.Draft;
import dev.userstream.sink.reliability.FuzzRecords.Expect;
import dev.userstream.sink.reliability.FuzzRecords.Kind;
import tools.jackson.databind.node.ObjectNode;

import static dev.userstream.sink.reliability.FuzzUsers.render;

/**
 * The records of each {@link Kind}: valid users from {@link FuzzUsers}, mutated as a tree or as bytes.
 * The hand-picked values are the edges that broke parsers, validators or databases elsewhere; the
 * seeded random picks which one, where, and how deep or long.
 */
final class FuzzMutations {

	private static final String[] TEXT_FIELDS = { "name", "gender", "country", "state", "city", "source" };

	private static final String[] TOKEN_FIELDS = { "email", "username", "password" };

	private static final String[] ALL_FIELDS = { "user_id", "name", "gender", "country", "state", "city", "email", "dob",
			"dob.date", "dob.age", "username", "password", "source", "produced_at", "schema_version" };

	private static final List<String> REQUIRED = List.of("name", "email", "dob", "dob.date", "username", "password");

	private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private final FuzzUsers users;

	private final SplittableRandom random;

	private final FuzzJson json;

	FuzzMutations(FuzzUsers users, SplittableRandom random) {
		this.users = users;
		this.random = random;
		this.json = new FuzzJson(random);
	}

	List<Draft> make(Kind kind) {
		ObjectNode user = this.users.user();
		String id = user.get("user_id").asString();
		return switch (kind) {
			case VALID -> one(kind, user);
			case NO_KEY -> List.of(new Draft(kind, null, render(user)));
			case HUGE_KEY -> List.of(new Draft(kind, "k".repeat(100_000 + this.random.nextInt(300_000)), render(user)));
			case AT_COLUMN_LIMITS -> one(kind, atLimits(user, 0));
			case OVER_COLUMN_LIMITS -> one(kind, overLimits(user));
			case FOUR_BYTE_UTF8 -> one(kind, set(user, pick(TEXT_FIELDS), pick("😀 Grinning", "𠜎𠜱𠝹", "Zoë 👩‍👩‍👧‍👦", "🏳️‍🌈 city")));
			case HOSTILE_TEXT -> one(kind, set(user, pick("name", "city", "state", "country"), pick(FuzzJson.HOSTILE_TEXT)));
			case OVER_LIMIT_IN_UTF16_ONLY -> one(kind, set(user, "name", "😀".repeat(128 + this.random.nextInt(127))));
			case LONE_SURROGATE -> raw(kind, user, pick("name", "city"), "\"Ann " + pick("\\ud800", "\\udc00", "\\ude00\\ud83d", "\\udbff") + " Lee\"");
			case CONTROL_CHARACTERS -> one(kind, set(user, pick("name", "city", "gender", "state"),
					"Ann" + pick("\u0000", "\u0007", "\n", "\t", "\u001b[31m", "\u007f", "\r") + "Lee"));
			case C1_CONTROLS -> one(kind, set(user, pick("name", "city"), "Ann" + pick("\u0085", "\u0090", "\u009f") + "Lee"));
			case UPPER_CASE_ID -> one(kind, user.put("user_id", id.toUpperCase(Locale.ROOT)));
			case CASE_TWINS_IN_BATCH, CASE_TWINS_ACROSS_PARTITIONS -> twins(kind, user, id, otherCase(id));
			case SAME_ID_TWICE_IN_BATCH, SAME_ID_LATER -> twins(kind, user, id, id);
			case ORIGINAL_FORMAT -> one(kind, without(user, "user_id", "source", "produced_at", "schema_version"));
			case TOP_LEVEL_NOT_OBJECT -> bytes(kind, pick("null", "0", "-0", "42", "1e400", "\"text\"", "\"" + id + "\"", "[]",
					"[" + new String(render(user), StandardCharsets.UTF_8) + "]", "true", "false", "{}", "[null]",
					"{\"user_id\":null}", "{\"user_id\":\"" + id + "\"}"));
			case EMPTY_VALUE -> bytes(kind, pick("", " ", "\n\t "));
			case TOMBSTONE -> List.of(new Draft(kind, id, null));
			case BROKEN_UTF8 -> List.of(new Draft(kind, id, render(set(user, pick("name", "city"), FuzzUsers.RAW), brokenUtf8())));
			case BOM_OR_UTF16 -> List.of(new Draft(kind, id, FuzzJson.encodings(render(user), this.random.nextInt(5))));
			case DUPLICATE_KEYS -> List.of(new Draft(kind, id, duplicateKeys(user)));
			case HUGE_NUMBERS -> hugeNumber(kind, user);
			case OUT_OF_RANGE_NUMBERS -> outOfRange(kind, user);
			case DEEP_NESTING -> deepNesting(kind, user);
			case EDGE_DATES -> one(kind, this.random.nextBoolean()
					? dob(user, pick("1000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "2000-02-29T00:00:00.000Z"))
					: user.put("produced_at", pick("1970-01-02T00:00:00.001Z", "2038-01-17T23:59:59.999Z")));
			case DATES_DB_REJECTS -> one(kind, this.random.nextBoolean()
					? dob(user, pick("0999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"))
					: user.put("produced_at", pick("1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2038-01-19T03:14:08Z",
							"9999-12-31T23:59:59Z")));
			case ODD_DATES -> one(kind, this.random.nextBoolean()
					? dob(user, pick("2016-12-31T23:59:60Z", "1990-01-01T00:00:00+02:00", "1990-01-01t00:00:00z",
							"1990-01-01T00:00:00.123456789Z", "2023-02-29T00:00:00.000Z", "1990-01-01T24:00:00Z", "1990-01-01"))
					: user.put("produced_at", pick("2026-06-01T12:00:00+14:00", "2026-06-01T12:00:00.123456789Z", "2026-06-01")));
			case DROPPED_FIELD -> dropped(kind, user);
			case WRONG_TYPE -> wrongType(kind, user);
			case FLIPPED_TOKEN -> flippedToken(kind, user);
			case FOREIGN_KEY_TOKEN -> one(kind, user.put(pick(TOKEN_FIELDS), this.users.foreignToken("someone@example.com")));
			case BAD_ID -> one(kind, user.put("user_id", pick(" " + id, id + " ", id + "\n", "{" + id + "}", id.replace("-", ""),
					"１" + id.substring(1), "", "null", id + "0", id.substring(1), "urn:uuid:" + id, "g" + id.substring(1),
					"../" + id)));
			case TRUNCATED -> truncated(kind, render(user), id);
			case FLIPPED_BIT -> flippedBit(kind, render(user), id);
			case TRAILING_DATA -> trailing(kind, user, id);
			case RANDOM_JSON -> bytes(kind, this.json.randomValue());
			case RANDOM_BYTES -> List.of(new Draft(kind, pick(id, null, "x"), this.json.randomBytes()));
		};
	}

	private List<Draft> one(Kind kind, ObjectNode user) {
		return List.of(new Draft(kind, user.path("user_id").asString(null), render(user)));
	}

	private List<Draft> raw(Kind kind, ObjectNode user, String field, String raw) {
		return List.of(new Draft(kind, user.get("user_id").asString(), render(set(user, field, FuzzUsers.RAW), raw)));
	}

	private static List<Draft> bytes(Kind kind, String value) {
		return List.of(new Draft(kind, null, value.getBytes(StandardCharsets.UTF_8)));
	}

	/** Two records of one user: the second a new version (other name and tokens) under {@code secondId}. */
	private List<Draft> twins(Kind kind, ObjectNode user, String firstId, String secondId) {
		ObjectNode second = this.users.user().put("user_id", secondId).put("produced_at", user.get("produced_at").asString());
		return List.of(new Draft(kind, firstId, render(user)), new Draft(kind, secondId, render(second)));
	}

	private String otherCase(String id) {
		if (this.random.nextBoolean()) {
			return id.toUpperCase(Locale.ROOT);
		}
		StringBuilder mixed = new StringBuilder(id);
		for (int i = 0; i < mixed.length(); i++) {
			if (Character.isLetter(mixed.charAt(i)) && this.random.nextBoolean()) {
				mixed.setCharAt(i, Character.toUpperCase(mixed.charAt(i)));
			}
		}
		return mixed.toString().equals(id) ? id.toUpperCase(Locale.ROOT) : mixed.toString();
	}

	/** Text columns filled to exactly their size in UTF-16 units, which is what the validator counts. */
	private ObjectNode atLimits(ObjectNode user, int extra) {
		user.put("name", this.json.text(255 + extra));
		user.put("gender", this.json.text(32 + extra));
		user.put(pick("country", "state", "city"), this.json.text(255 + extra));
		user.put("source", this.json.text(32 + extra));
		return user;
	}

	private ObjectNode overLimits(ObjectNode user) {
		return switch (this.random.nextInt(3)) {
			case 0 -> set(user, pick(TEXT_FIELDS), "x".repeat(this.random.nextBoolean() ? 256 : 100_000));
			case 1 -> user.put(pick(TOKEN_FIELDS), this.users.token("x".repeat(400)));
			default -> atLimits(user, 1);
		};
	}

	private byte[] brokenUtf8() {
		byte[][] broken = { { (byte) 0xFF }, { (byte) 0xC3, 0x28 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xF0, (byte) 0x9F, (byte) 0x98 }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0x80 },
				{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 } };
		byte[] bad = broken[this.random.nextInt(broken.length)];
		byte[] value = new byte[bad.length + 10];
		System.arraycopy("\"Ann ".getBytes(StandardCharsets.US_ASCII), 0, value, 0, 5);
		System.arraycopy(bad, 0, value, 5, bad.length);
		System.arraycopy(" Lee\"".getBytes(StandardCharsets.US_ASCII), 0, value, 5 + bad.length, 5);
		return value;
	}

	private byte[] duplicateKeys(ObjectNode user) {
		String json = new String(render(user), StandardCharsets.UTF_8);
		String extra = switch (this.random.nextInt(3)) {
			case 0 -> ",\"name\":\"Other Name\"";
			case 1 -> ",\"user_id\":\"" + this.users.uuid() + "\"";
			default -> ",\"dob\":{\"date\":\"1990-01-01T00:00:00.000Z\",\"age\":36}";
		};
		return (json.substring(0, json.length() - 1) + extra + "}").getBytes(StandardCharsets.UTF_8);
	}

	private List<Draft> hugeNumber(Kind kind, ObjectNode user) {
		String huge = pick("1e400", "18446744073709551616", "-18446744073709551616", "2147483648", "1.5", "-0.0", "1e-400",
				"0.99999999999999999999999", "1" + "0".repeat(1000 + this.random.nextInt(20_000)), "NaN", "Infinity");
		return switch (this.random.nextInt(4)) {
			case 0 -> { user.withObjectProperty("dob").put("age", FuzzUsers.RAW); yield List.of(new Draft(kind, user.get("user_id").asString(), render(user, huge))); }
			case 1 -> raw(kind, user, "schema_version", pick(huge, "1.0", "1.000000000000000000001", "18446744073709551617"));
			case 2 -> raw(kind, user, "produced_at", pick(huge, "1780000000", "1780000000.123456789"));
			default -> raw(kind, user, "extra", huge);
		};
	}

	private List<Draft> outOfRange(Kind kind, ObjectNode user) {
		if (this.random.nextBoolean()) {
			user.withObjectProperty("dob").put("age", pickInt(-1, 201, Integer.MIN_VALUE, Integer.MAX_VALUE));
			return one(kind, user);
		}
		return one(kind, user.put("schema_version", pickInt(0, 2, -1, Integer.MAX_VALUE)));
	}

	private List<Draft> deepNesting(Kind kind, ObjectNode user) {
		int depth = pickInt(10, 100, 499, 501, 999, 1001, 5_000, 100_000);
		String nested = this.random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
				: "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
		return switch (this.random.nextInt(3)) {
			case 0 -> bytes(kind, nested);
			case 1 -> raw(kind, user, "extra", nested);
			default -> { user.withObjectProperty("dob").put("extra", FuzzUsers.RAW); yield List.of(new Draft(kind, user.get("user_id").asString(), render(user, nested))); }
		};
	}

	private List<Draft> dropped(Kind kind, ObjectNode user) {
		String field = pick(ALL_FIELDS);
		if (field.startsWith("dob.")) {
			user.withObjectProperty("dob").remove(field.substring(4));
		}
		else {
			user.remove(field);
		}
		Expect expect = REQUIRED.contains(field) ? Expect.DEAD_LETTER : Expect.STORE;
		return List.of(new Draft(kind, null, render(user), expect));
	}

	private List<Draft> wrongType(Kind kind, ObjectNode user) {
		String field = pick(ALL_FIELDS);
		String wrong = pick("42", "true", "null", "[]", "{}", "[\"x\"]", "\"text\"", "1.5", "-1");
		Expect expect = wrongTypeExpect(field, wrong);
		if (field.startsWith("dob.")) {
			user.withObjectProperty("dob").put(field.substring(4), FuzzUsers.RAW);
			return List.of(new Draft(kind, null, render(user, wrong), expect));
		}
		return List.of(new Draft(kind, user.get("user_id").asString(), render(set(user, field, FuzzUsers.RAW), wrong), expect));
	}

	/**
	 * A value of another JSON type than the contract's is never coerced: dead-lettered. The rest may be
	 * valid or break another rule (a {@code null} where a field is optional, {@code "text"} as a name).
	 */
	private static Expect wrongTypeExpect(String field, String wrong) {
		boolean integerField = field.equals("dob.age") || field.equals("schema_version");
		boolean anotherType = switch (wrong) {
			case "null" -> false;
			case "42", "-1" -> !integerField;
			case "\"text\"" -> integerField;
			default -> true; // a boolean, an array, an object, a fraction: no field takes one
		};
		// no value of this list is a valid dob, -1 is below every integer field's range, 42 a version no sink knows
		boolean otherRule = field.equals("dob") || wrong.equals("-1") || (field.equals("schema_version") && !wrong.equals("null"));
		return (anotherType || otherRule) ? Expect.DEAD_LETTER : Expect.EITHER;
	}

	private List<Draft> flippedToken(Kind kind, ObjectNode user) {
		String field = pick(TOKEN_FIELDS);
		String token = user.get(field).asString();
		String mutated;
		if (this.random.nextInt(4) == 0) {
			mutated = token.substring(0, 4 * this.random.nextInt(token.length() / 4)); // shorter, still base64
		}
		else {
			char[] chars = token.toCharArray();
			int at = this.random.nextInt(chars.length);
			chars[at] = (this.random.nextInt(8) == 0) ? pickChar('!', '+', '/', ' ', 'é')
					: BASE64URL.charAt(this.random.nextInt(BASE64URL.length()));
			mutated = new String(chars);
		}
		user.put(field, mutated);
		// a change in padding bits leaves the bytes (and the HMAC) intact: that token is still valid
		Expect expect = sameBytes(token, mutated) ? Expect.STORE : Expect.DEAD_LETTER;
		return List.of(new Draft(kind, user.get("user_id").asString(), render(user), expect));
	}

	private static boolean sameBytes(String token, String mutated) {
		try {
			return Arrays.equals(Base64.getUrlDecoder().decode(token), Base64.getUrlDecoder().decode(mutated));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private List<Draft> truncated(Kind kind, byte[] value, String id) {
		return List.of(new Draft(kind, id, Arrays.copyOf(value, 1 + this.random.nextInt(value.length - 1))));
	}

	private List<Draft> flippedBit(Kind kind, byte[] value, String id) {
		value[this.random.nextInt(value.length)] ^= (byte) (1 << this.random.nextInt(8));
		return List.of(new Draft(kind, id, value));
	}

	private List<Draft> trailing(Kind kind, ObjectNode user, String id) {
		String json = new String(render(user), StandardCharsets.UTF_8);
		return List.of(new Draft(kind, id, (json + pick(" ", "\n", "x", "{}", json, "\u0000", "]", "// comment"))
			.getBytes(StandardCharsets.UTF_8)));
	}

	private static ObjectNode set(ObjectNode user, String field, String value) {
		return user.put(field, value);
	}

	private static ObjectNode without(ObjectNode user, String... fields) {
		for (String field : fields) {
			user.remove(field);
		}
		return user;
	}

	private static ObjectNode dob(ObjectNode user, String date) {
		user.withObjectProperty("dob").put("date", date);
		return user;
	}

	@SafeVarargs
	private <T> T pick(T... options) {
		return options[this.random.nextInt(options.length)];
	}

	private int pickInt(int... options) {
		return options[this.random.nextInt(options.length)];
	}

	private char pickChar(char... options) {
		return options[this.random.nextInt(options.length)];
	}

}
