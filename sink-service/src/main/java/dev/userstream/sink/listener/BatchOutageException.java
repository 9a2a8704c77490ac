package dev.userstream.sink.listener;

/**
 * A batch could not be completed because something it needs is away (a store, the dead-letter topic, a
 * key): the listener has already set readiness DOWN and logged it; the error handler retries the batch.
 */
class BatchOutageException extends RuntimeException {

	private final String component;

	BatchOutageException(String component, RuntimeException cause) {
		super(component + " failed: " + cause.getClass().getName(), cause, false, false);
		this.component = component;
	}

	String component() {
		return this.component;
	}

}
