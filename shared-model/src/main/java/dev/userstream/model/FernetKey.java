package dev.userstream.model;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

/**
 * A Fernet key: 32 bytes, written as url-safe base64 (44 characters with padding); the first 16
 * bytes sign, the last 16 encrypt. Both JCA keys are derived once, when the key is parsed, not per
 * token. {@link #toString()} never shows key material.
 * <p>
 * A <em>verification key</em> is the signing half alone (16 bytes, 24 characters): enough to check
 * that a token is authentic, not to decrypt or make one. A reader that only checks tokens (the sink)
 * can be given these, so a leak of its configuration reveals no plaintext.
 */
public final class FernetKey {

	static final int LENGTH = 32;

	static final int SIGNING_LENGTH = LENGTH / 2;

	private static final String NOT_A_KEY = "not a Fernet key (32 bytes, url-safe base64)";

	private final byte[] bytes;

	private final SecretKeySpec signingKey;

	private final SecretKeySpec encryptionKey;

	private FernetKey(byte[] bytes) {
		this.bytes = bytes;
		this.signingKey = new SecretKeySpec(bytes, 0, SIGNING_LENGTH, "HmacSHA256");
		this.encryptionKey = (bytes.length == LENGTH) ? new SecretKeySpec(bytes, SIGNING_LENGTH, SIGNING_LENGTH, "AES") : null;
	}

	/**
	 * Parses a key as Python's {@code Fernet.generate_key()} writes it. Surrounding whitespace (a
	 * trailing newline from a key file) is ignored.
	 * @param encoded url-safe base64 text of 32 bytes
	 * @return the key
	 * @throws IllegalArgumentException if the text is not such a key; the message never repeats it
	 */
	public static FernetKey parse(String encoded) {
		byte[] decoded = decode(encoded);
		if (decoded.length != LENGTH) {
			throw new IllegalArgumentException(NOT_A_KEY);
		}
		return new FernetKey(decoded);
	}

	/**
	 * Parses a full key or a verification key (its signing half, as {@link #verificationKey()} writes it).
	 * @param encoded url-safe base64 text of 32 or 16 bytes
	 * @return the key; {@link #canDecrypt()} tells which kind
	 * @throws IllegalArgumentException if the text is neither; the message never repeats it
	 */
	public static FernetKey parseForVerification(String encoded) {
		byte[] decoded = decode(encoded);
		if (decoded.length != LENGTH && decoded.length != SIGNING_LENGTH) {
			throw new IllegalArgumentException(NOT_A_KEY);
		}
		return new FernetKey(decoded);
	}

	private static byte[] decode(String encoded) {
		if (encoded == null || encoded.isBlank()) {
			throw new IllegalArgumentException("empty, " + NOT_A_KEY);
		}
		try {
			return Base64.getUrlDecoder().decode(encoded.strip());
		}
		catch (IllegalArgumentException ex) {
			// not chained: the JDK's message quotes the offending character of the key
			throw new IllegalArgumentException(NOT_A_KEY);
		}
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

	/**
	 * The verification key of this key: its signing half, which checks tokens but cannot decrypt them.
	 * @return url-safe base64 with padding (24 characters)
	 */
	public String verificationKey() {
		return Base64.getUrlEncoder().encodeToString(Arrays.copyOf(this.bytes, SIGNING_LENGTH));
	}

	/**
	 * Whether this key holds its encryption half (a full key), or only verifies tokens.
	 * @return {@code true} for a full key
	 */
	public boolean canDecrypt() {
		return this.encryptionKey != null;
	}

	SecretKeySpec signingKey() {
		return this.signingKey;
	}

	SecretKeySpec encryptionKey() {
		if (this.encryptionKey == null) {
			throw new IllegalStateException("a verification key cannot encrypt or decrypt");
		}
		return this.encryptionKey;
	}

	@Override
	public String toString() {
		return "FernetKey[redacted]";
	}

}
