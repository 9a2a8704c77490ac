package dev.userstream.producer.source;

/**
 * A source could not deliver users, its own retries included. Messages never carry response content.
 */
public class SourceUnavailableException extends RuntimeException {

	SourceUnavailableException(String message) {
		super(message);
	}

}
