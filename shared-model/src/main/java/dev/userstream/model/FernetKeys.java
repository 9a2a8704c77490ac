package dev.userstream.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a comma-separated key list from configuration, with messages that name the setting and the
 * fix but never the key text (the message ends up in start-up logs).
 */
final class FernetKeys {

	static final String HOW_TO_GENERATE = "Generate one with: java -jar userstream-crypto.jar genkey";

	private FernetKeys() {
	}

	static List<FernetKey> parse(String commaSeparatedKeys, String propertyName) {
		return parse(commaSeparatedKeys, propertyName, false);
	}

	/** Like {@link #parse(String, String)}; with {@code verificationKeys}, signing halves are accepted too. */
	static List<FernetKey> parse(String commaSeparatedKeys, String propertyName, boolean verificationKeys) {
		if (commaSeparatedKeys == null || commaSeparatedKeys.isBlank()) {
			throw new IllegalArgumentException(propertyName + " is not set: give one or more comma-separated"
					+ " Fernet keys, the first encrypts, all decrypt. " + HOW_TO_GENERATE);
		}
		String[] entries = commaSeparatedKeys.split(",", -1);
		List<FernetKey> keys = new ArrayList<>(entries.length);
		for (int i = 0; i < entries.length; i++) {
			keys.add(parseEntry(entries[i], i + 1, entries.length, propertyName, verificationKeys));
		}
		return List.copyOf(keys);
	}

	private static FernetKey parseEntry(String entry, int position, int count, String propertyName,
			boolean verificationKeys) {
		String where = propertyName + ": entry " + position + " of " + count;
		if (entry.isBlank()) {
			throw new IllegalArgumentException(where + " is empty (a stray comma?). " + HOW_TO_GENERATE);
		}
		try {
			return verificationKeys ? FernetKey.parseForVerification(entry) : FernetKey.parse(entry);
		}
		catch (IllegalArgumentException ex) {
			String expected = verificationKeys ? "a Fernet key (32 bytes) or its verification key (16 bytes), url-safe base64"
					: "a Fernet key (32 bytes, url-safe base64)";
			throw new IllegalArgumentException(where + " is not " + expected + ". " + HOW_TO_GENERATE);
		}
	}

}
