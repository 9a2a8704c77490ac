package dev.userstream.support.kafka;

/**
 * Kafka security settings that cannot work, or credentials the brokers refused. The message and the
 * action name the properties; neither ever holds a secret.
 */
class KafkaSecurityException extends RuntimeException {

	private final String action;

	KafkaSecurityException(String message, String action) {
		super(message);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
