package dev.userstream.producer.ingest;

/** A request over the size limit or with too many users: 413. */
class RequestTooLargeException extends RuntimeException {

	RequestTooLargeException(String message) {
		super(message);
	}

}
