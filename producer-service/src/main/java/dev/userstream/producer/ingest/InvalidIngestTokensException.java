package dev.userstream.producer.ingest;

/** {@code producer.ingest.tokens} has a bad entry; the message names its position, never a token. */
class InvalidIngestTokensException extends IllegalStateException {

	InvalidIngestTokensException(String problem) {
		super(IngestProperties.TOKENS_PROPERTY + ": " + problem);
	}

}
