package dev.userstream.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import dev.userstream.model.FernetException.Reason;

/**
 * The layout of a Fernet token: {@code 0x80 | timestamp (8, big-endian seconds) | IV (16) |
 * ciphertext (n * 16) | HMAC-SHA256 (32)}, and the checks that need no key.
 */
final class FernetToken {

	static final byte VERSION = (byte) 0x80;

	static final int TIMESTAMP_OFFSET = 1;

	static final int IV_OFFSET = 9;

	static final int IV_LENGTH = 16;

	static final int CIPHERTEXT_OFFSET = IV_OFFSET + IV_LENGTH;

	static final int MAC_LENGTH = 32;

	static final int BLOCK = 16;

	/** Python's _MAX_CLOCK_SKEW: how far in the future a timestamp may be when a TTL is checked. */
	static final long MAX_CLOCK_SKEW_SECONDS = 60;

	private final byte[] bytes;

	private FernetToken(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Decodes a token and checks its structure, in the order of the spec's invalid vectors: a
	 * 15-byte ciphertext must be reported as PAYLOAD_SIZE, not TOO_SHORT, so the block check runs
	 * before the one-block minimum.
	 */
	static FernetToken parse(String token) {
		if (token == null || token.isEmpty()) {
			throw new FernetException(Reason.TOO_SHORT);
		}
		byte[] bytes = decode(token);
		if (bytes.length == 0) {
			throw new FernetException(Reason.TOO_SHORT);
		}
		if (bytes[0] != VERSION) {
			throw new FernetException(Reason.BAD_VERSION);
		}
		int ciphertextLength = bytes.length - CIPHERTEXT_OFFSET - MAC_LENGTH;
		if (ciphertextLength < 0) {
			throw new FernetException(Reason.TOO_SHORT);
		}
		if (ciphertextLength % BLOCK != 0) {
			throw new FernetException(Reason.PAYLOAD_SIZE);
		}
		if (ciphertextLength == 0) {
			// PKCS#7 always adds at least one byte, so a real token has at least one block
			throw new FernetException(Reason.TOO_SHORT);
		}
		return new FernetToken(bytes);
	}

	private static byte[] decode(String token) {
		// The spec's tokens are padded; unpadded text is rejected as Python rejects it.
		if (token.length() % 4 != 0) {
			throw new FernetException(Reason.INVALID_BASE64);
		}
		try {
			return Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			throw new FernetException(Reason.INVALID_BASE64);
		}
	}

	/**
	 * Python's order and arithmetic: expired if {@code timestamp + ttl < now}, then too far in the
	 * future if {@code now + 60 < timestamp}, both in whole seconds.
	 */
	void checkTime(Duration ttl, Instant now) {
		long timestamp = timestamp();
		long current = now.getEpochSecond();
		// an unsigned timestamp beyond Long.MAX_VALUE reads as negative: it is far in the future
		boolean future = timestamp < 0 || timestamp - MAX_CLOCK_SKEW_SECONDS > current;
		if (!future && timestamp < current - ttl.getSeconds()) {
			throw new FernetException(Reason.EXPIRED);
		}
		if (future) {
			throw new FernetException(Reason.CLOCK_SKEW);
		}
	}

	long timestamp() {
		long value = 0;
		for (int i = TIMESTAMP_OFFSET; i < IV_OFFSET; i++) {
			value = (value << 8) | (this.bytes[i] & 0xFF);
		}
		return value;
	}

	byte[] bytes() {
		return this.bytes;
	}

	int signedLength() {
		return this.bytes.length - MAC_LENGTH;
	}

	int ciphertextLength() {
		return signedLength() - CIPHERTEXT_OFFSET;
	}

	static byte[] newBuffer(long timestamp, byte[] iv, int ciphertextLength) {
		byte[] bytes = new byte[CIPHERTEXT_OFFSET + ciphertextLength + MAC_LENGTH];
		bytes[0] = VERSION;
		for (int i = IV_OFFSET - 1; i >= TIMESTAMP_OFFSET; i--) {
			bytes[i] = (byte) timestamp;
			timestamp >>>= 8;
		}
		System.arraycopy(iv, 0, bytes, IV_OFFSET, IV_LENGTH);
		return bytes;
	}

}
