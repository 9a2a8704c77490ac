package dev.userstream.model;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

/**
 * A Fernet key: 32 bytes, written as url-safe base64 (44 characters with padding); the first 16
 * bytes sign, the last 16 encrypt. Both JCA keys are derived once, when the key is parsed, not per
 * token. {@link #toString()} never shows key material.
 */
public final class FernetKey {

	static final int LENGTH = 32;

	private static final String NOT_A_KEY = "not a Fernet key (32 bytes, url-safe base64)";

	private final byte[] bytes;

	private final SecretKeySpec signingKey;

	private final SecretKeySpec encryptionKey;

	private FernetKey(byte[] bytes) {
		this.bytes = bytes;
		this.signingKey = new SecretKeySpec(bytes, 0, LENGTH / 2, "HmacSHA256");
		this.encryptionKey = new SecretKeySpec(bytes, LENGTH / 2, LENGTH / 2, "AES");
	}

	/**
	 * Parses a key as Python's {@code Fernet.generate_key()} writes it. Surrounding whitespace (a
	 * trailing newline from a key file) is ignored.
	 * @param encoded url-safe base64 text of 32 bytes
	 * @return the key
	 * @throws IllegalArgumentException if the text is not such a key; the message never repeats it
	 */
	public static FernetKey parse(String encoded) {
		if (encoded == null || encoded.isBlank()) {
			throw new IllegalArgumentException("empty, " + NOT_A_KEY);
		}
		byte[] decoded;
		try {
			decoded = Base64.getUrlDecoder().decode(encoded.strip());
		}
		catch (IllegalArgumentException ex) {
			// not chained: the JDK's message quotes the offending character of the key
			throw new IllegalArgumentException(NOT_A_KEY);
		}
		if (decoded.length != LENGTH) {
			throw new IllegalArgumentException(NOT_A_KEY);
		}
		return new FernetKey(decoded);
	}

	/**
	 * Makes a new random key.
	 * @param random the source of randomness (a {@link SecureRandom})
	 * @return a new key
	 */
	public static FernetKey generate(SecureRandom random) {
		byte[] bytes = new byte[LENGTH];
		random.nextBytes(bytes);
		return new FernetKey(bytes);
	}

	/**
	 * The key as text, the form {@link #parse(String)} and Python's {@code Fernet(key)} accept.
	 * @return url-safe base64 with padding
	 */
	public String encoded() {
		return Base64.getUrlEncoder().encodeToString(this.bytes);
	}

	SecretKeySpec signingKey() {
		return this.signingKey;
	}

	SecretKeySpec encryptionKey() {
		return this.encryptionKey;
	}

	@Override
	public String toString() {
		return "FernetKey[redacted]";
	}

}
