package dev.userstream.producer.ingest;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad {@code producer.ingest.tokens} into one start-up message naming the property and the fix. */
class InvalidIngestTokensFailureAnalyzer extends AbstractFailureAnalyzer<InvalidIngestTokensException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidIngestTokensException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set PRODUCER_INGEST_TOKENS (property " + IngestProperties.TOKENS_PROPERTY + ") to one or more"
						+ " comma-separated bearer tokens of at least " + BearerTokens.MIN_LENGTH + " characters"
						+ " (letters, digits, - . _ ~ + /), e.g. from: openssl rand -hex 32; or leave it empty to"
						+ " switch HTTP ingestion off",
				cause);
	}

}
