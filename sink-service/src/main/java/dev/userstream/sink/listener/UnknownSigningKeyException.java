package dev.userstream.sink.listener;

/**
 * Most records of a batch are signed by a key the sink does not have: a configuration outage (the
 * producer was given a new key before the sink), retried with backoff and readiness DOWN until the
 * sink's {@code pipeline.encryption.keys} includes it, instead of dead-lettering good data.
 */
class UnknownSigningKeyException extends RuntimeException {

	UnknownSigningKeyException(int signedByAnotherKey, int records) {
		super(signedByAnotherKey + " of " + records + " records are signed by none of the sink's keys: add the"
				+ " producer's new key to pipeline.encryption.keys (env PIPELINE_ENCRYPTION_KEYS)", null, false, false);
	}

}
