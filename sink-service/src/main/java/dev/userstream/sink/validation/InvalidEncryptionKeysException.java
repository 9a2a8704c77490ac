package dev.userstream.sink.validation;

/** {@code pipeline.encryption.keys} is malformed; the message names the entry, never the key. */
class InvalidEncryptionKeysException extends IllegalStateException {

	InvalidEncryptionKeysException(String message) {
		super(message, null);
	}

}
