package dev.userstream.producer.ingest;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Bearer tokens made for one test run, never hard-coded ones. */
final class IngestTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private IngestTokens() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
