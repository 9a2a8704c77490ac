package dev.userstream.producer.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The accepted bearer tokens, kept as SHA-256 digests and compared in constant time: a presented
 * token is hashed and compared with every digest ({@link MessageDigest#isEqual}, no early exit), so
 * the time of an answer tells neither how much of a token matched, nor its length, nor which one.
 */
class BearerTokens {

	static final int MIN_LENGTH = 16;

	/** RFC 6750 b64token: what an Authorization header can carry as it is. */
	private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

	private final List<byte[]> digests = new ArrayList<>();

	/**
	 * Checks and keeps the tokens.
	 * @param commaSeparated the value of {@code producer.ingest.tokens}
	 * @throws InvalidIngestTokensException naming the bad entry's position, never its value
	 */
	BearerTokens(String commaSeparated) {
		String[] entries = commaSeparated.split(",", -1);
		for (int i = 0; i < entries.length; i++) {
			String token = entries[i].strip();
			String position = "entry " + (i + 1) + " of " + entries.length;
			if (token.length() < MIN_LENGTH) {
				throw new InvalidIngestTokensException(position + " is shorter than " + MIN_LENGTH + " characters");
			}
			if (!B64TOKEN.matcher(token).matches()) {
				throw new InvalidIngestTokensException(position + " has a character a bearer token cannot have");
			}
			this.digests.add(sha256(token));
		}
	}

	boolean matches(String presented) {
		byte[] digest = sha256(presented);
		boolean matched = false;
		for (byte[] accepted : this.digests) {
			matched |= MessageDigest.isEqual(accepted, digest);
		}
		return matched;
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "BearerTokens[" + this.digests.size() + " redacted]";
	}

}
