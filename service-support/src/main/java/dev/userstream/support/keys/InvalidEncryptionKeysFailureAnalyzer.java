package dev.userstream.support.keys;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad {@code pipeline.encryption.keys} into one start-up message naming the property and the fix. */
class InvalidEncryptionKeysFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEncryptionKeysException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidEncryptionKeysException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.fix(), null);
	}

}
