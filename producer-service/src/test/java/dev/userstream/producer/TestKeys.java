package dev.userstream.producer;

import java.security.SecureRandom;

import dev.userstream.model.FernetKey;

/** Fernet keys made for one test run, never hard-coded ones. */
public final class TestKeys {

	private TestKeys() {
	}

	/** A new random key, encoded as PIPELINE_ENCRYPTION_KEYS expects it. */
	public static String generate() {
		return FernetKey.generate(new SecureRandom()).encoded();
	}

}
