package dev.userstream.sink.validation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a malformed {@code pipeline.encryption.keys} into one start-up message naming the property and the fix. */
class InvalidEncryptionKeysFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEncryptionKeysException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidEncryptionKeysException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set PIPELINE_ENCRYPTION_KEYS (property " + TokenVerifier.KEYS_PROPERTY + ") to the producer's"
						+ " comma-separated Fernet keys (44 characters of url-safe base64 each), or leave it unset to"
						+ " check tokens for shape only.",
				cause);
	}

}
