package dev.userstream.support.kafka;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns bad Kafka security settings or refused credentials into one start-up message naming the properties. */
class KafkaSecurityFailureAnalyzer extends AbstractFailureAnalyzer<KafkaSecurityException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KafkaSecurityException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
