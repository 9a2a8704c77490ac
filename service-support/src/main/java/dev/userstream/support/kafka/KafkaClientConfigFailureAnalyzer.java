package dev.userstream.support.kafka;

import org.apache.kafka.common.config.ConfigException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A Kafka client refused its configuration (e.g. bootstrap servers that are not host:port): one
 * message naming Spring's property instead of a stack trace. Kafka hides password values in these.
 */
class KafkaClientConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
		return new FailureAnalysis("The Kafka client configuration is invalid: " + cause.getMessage(),
				"Check spring.kafka.bootstrap-servers (env SPRING_KAFKA_BOOTSTRAP_SERVERS: host:port[,host:port...])"
						+ " and the other spring.kafka.* properties.",
				cause);
	}

}
