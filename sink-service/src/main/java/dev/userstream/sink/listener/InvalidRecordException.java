package dev.userstream.sink.listener;

/**
 * A record that can never be stored. Its message names the fields and rules that failed, never the
 * values (records carry personal data); {@link #reason()} is a short category for headers and metrics.
 */
class InvalidRecordException extends RuntimeException {

	private final String reason;

	InvalidRecordException(String reason, String message) {
		super(reason + ": " + message, null, false, false);
		this.reason = reason;
	}

	/** One of: {@code not_json}, {@code empty}, {@code schema_version}, {@code user_id}, {@code token}, {@code invalid_field}. */
	String reason() {
		return this.reason;
	}

}
