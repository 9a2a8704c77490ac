package dev.userstream.producer.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad {@code pipeline.encryption.keys} into one start-up message naming the property and the fix. */
class InvalidEncryptionKeysFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEncryptionKeysException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidEncryptionKeysException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set PIPELINE_ENCRYPTION_KEYS (property " + CryptoProperties.KEYS_PROPERTY + ") to one or more"
						+ " comma-separated Fernet keys: 32 bytes each, url-safe base64 (44 characters); the first"
						+ " encrypts. Generate one with: java -jar userstream-crypto.jar genkey",
				cause);
	}

}
