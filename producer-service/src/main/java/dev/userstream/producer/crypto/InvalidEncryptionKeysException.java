package dev.userstream.producer.crypto;

/** {@code pipeline.encryption.keys} is missing or malformed; the message names the entry, never the key. */
class InvalidEncryptionKeysException extends IllegalStateException {

	InvalidEncryptionKeysException(String message) {
		super(message);
	}

}
