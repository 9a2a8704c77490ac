package dev.userstream.support.kafka;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Adds the SASL credentials to Boot's common Kafka properties, and refuses combinations that could
 * only fail later and less clearly: credentials without a SASL protocol (they would never be sent, and
 * the broker would just close the connection), a SASL protocol without any credentials, or credentials
 * given twice.
 */
final class KafkaSecuritySettings {

	static final String PROTOCOL_PROPERTY = "spring.kafka.security.protocol";

	private static final String CREDENTIALS = "pipeline.kafka.sasl.username and pipeline.kafka.sasl.password"
			+ " (env PIPELINE_KAFKA_SASL_USERNAME, PIPELINE_KAFKA_SASL_PASSWORD)";

	private KafkaSecuritySettings() {
	}

	static void apply(KafkaSaslProperties sasl, KafkaProperties kafka) {
		Map<String, String> common = kafka.getProperties();
		String protocol = protocol(kafka);
		boolean saslProtocol = protocol.startsWith("SASL_");
		if (sasl.enabled()) {
			if (common.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
				throw new KafkaSecurityException("Kafka credentials are set twice: in " + KafkaSaslProperties.PREFIX
						+ ".* and in spring.kafka.properties.sasl.jaas.config",
						"Keep one: " + CREDENTIALS + ", or the JAAS line (for other login modules such as AWS MSK IAM).");
			}
			if (!saslProtocol) {
				throw new KafkaSecurityException(KafkaSaslProperties.PREFIX + ".username is set but " + PROTOCOL_PROPERTY
						+ " is " + protocol + ", so the credentials would never be sent",
						"Set " + PROTOCOL_PROPERTY + " (env SPRING_KAFKA_SECURITY_PROTOCOL) to SASL_SSL, or SASL_PLAINTEXT"
								+ " on a network you trust; or remove the credentials.");
			}
			common.put(SaslConfigs.SASL_MECHANISM, sasl.mechanism());
			common.put(SaslConfigs.SASL_JAAS_CONFIG, sasl.jaasConfig());
		}
		else if (saslProtocol && !common.containsKey(SaslConfigs.SASL_JAAS_CONFIG)
				&& System.getProperty("java.security.auth.login.config") == null) {
			throw new KafkaSecurityException(PROTOCOL_PROPERTY + " is " + protocol + " but no SASL credentials are set",
					"Set " + CREDENTIALS + ", or spring.kafka.properties.sasl.mechanism and"
							+ " spring.kafka.properties.sasl.jaas.config (e.g. AWS MSK IAM, see the README).");
		}
	}

	private static String protocol(KafkaProperties kafka) {
		String protocol = kafka.getSecurity().getProtocol();
		if (protocol == null) {
			protocol = kafka.getProperties().getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
		}
		return protocol.toUpperCase(Locale.ROOT);
	}

}
