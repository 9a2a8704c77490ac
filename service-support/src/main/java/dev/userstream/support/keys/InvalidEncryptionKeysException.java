package dev.userstream.support.keys;

/**
 * {@code pipeline.encryption.keys} is missing or malformed. The message names the entry, never the
 * key; the fix is the service's own (the producer needs full keys, the sink takes verification keys too).
 */
public class InvalidEncryptionKeysException extends RuntimeException {

	private final String fix;

	public InvalidEncryptionKeysException(String message, String fix) {
		super(message, null);
		this.fix = fix;
	}

	/** What to set, in the service's terms. */
	public String fix() {
		return this.fix;
	}

}
