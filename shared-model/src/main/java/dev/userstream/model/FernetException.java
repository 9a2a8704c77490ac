package dev.userstream.model;

/**
 * A Fernet token was rejected, or could not be made. The message names the {@link Reason} only: it
 * never contains the token, a plaintext or key material, so it is safe to log and to put in a
 * dead-letter header.
 */
public final class FernetException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	/**
	 * A rejection for one reason; public so that callers' tests can simulate one.
	 * @param reason why the token was rejected
	 */
	public FernetException(Reason reason) {
		super("Fernet token rejected: " + reason.description());
		this.reason = reason;
	}

	/**
	 * Why the token was rejected.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * One cause per check of the Fernet spec, in the order they are checked.
	 */
	public enum Reason {

		/** Not url-safe base64 text with padding. */
		INVALID_BASE64("not url-safe base64 with padding"),

		/** The first byte is not the version 0x80. */
		BAD_VERSION("unknown version (first byte is not 0x80)"),

		/** Too few bytes for version, timestamp, IV, one cipher block and HMAC. */
		TOO_SHORT("too short"),

		/** The ciphertext is not a whole number of 16-byte AES blocks. */
		PAYLOAD_SIZE("ciphertext is not a multiple of the AES block size"),

		/** Older than the TTL the caller asked for. */
		EXPIRED("expired (older than the TTL)"),

		/** Timestamp more than 60 s in the future (checked only with a TTL, like Python). */
		CLOCK_SKEW("timestamp too far in the future"),

		/** The HMAC matches none of the keys: another key, or the token was altered. */
		INCORRECT_MAC("HMAC matches none of the keys (unknown key or tampered token)"),

		/** Authentic token whose plaintext padding is wrong (a bug of the token's producer). */
		PADDING("bad padding after decryption");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		/**
		 * A short human-readable description.
		 * @return the description
		 */
		public String description() {
			return this.description;
		}

	}

}
