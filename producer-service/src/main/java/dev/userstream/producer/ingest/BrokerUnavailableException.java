package dev.userstream.producer.ingest;

/** The broker did not acknowledge every user of a request in time: 503, to be retried. */
class BrokerUnavailableException extends RuntimeException {

	BrokerUnavailableException(String message) {
		super(message);
	}

}
