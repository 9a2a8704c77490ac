package dev.userstream.support.kafka;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * With a secured Kafka (any protocol but PLAINTEXT), asks the brokers to describe the cluster once at
 * start-up, before anything is published or consumed, and stops start-up when they refuse the credentials: a wrong
 * password must not leave a service that reports itself started while its clients fail to log in over
 * and over. Brokers that do not answer within {@link #TIMEOUT} are an outage, not a configuration
 * error: the service starts and its clients keep trying, as without authentication.
 */
class KafkaAuthenticationCheck implements InitializingBean {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(KafkaAuthenticationCheck.class);

	private final Map<String, Object> adminConfig;

	private final KafkaSaslProperties sasl;

	KafkaAuthenticationCheck(Map<String, Object> adminConfig, KafkaSaslProperties sasl) {
		this.adminConfig = adminConfig;
		this.sasl = sasl;
	}

	@Override
	public void afterPropertiesSet() {
		String protocol = String.valueOf(this.adminConfig.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"));
		if ("PLAINTEXT".equalsIgnoreCase(protocol)) {
			return;
		}
		String mechanism = protocol.toUpperCase(Locale.ROOT).startsWith("SASL_")
				? String.valueOf(this.adminConfig.getOrDefault(SaslConfigs.SASL_MECHANISM, SaslConfigs.DEFAULT_SASL_MECHANISM))
				: "TLS";
		AdminClient admin = AdminClient.create(this.adminConfig);
		try {
			admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
				.clusterId()
				.get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
			logger.info("Kafka accepted the client's credentials ({} over {})", mechanism, protocol);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof AuthenticationException refused) {
				throw refused(protocol, mechanism, refused);
			}
			logger.warn("Could not check the Kafka credentials at start-up ({}); starting anyway",
					ex.getCause().getClass().getSimpleName());
		}
		catch (TimeoutException ex) {
			logger.warn("Kafka did not answer within {}: credentials not checked at start-up; starting anyway", TIMEOUT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			admin.close(Duration.ofSeconds(2));
		}
	}

	private KafkaSecurityException refused(String protocol, String mechanism, AuthenticationException refused) {
		String brokers = String.valueOf(this.adminConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
		if (this.sasl.enabled()) {
			return new KafkaSecurityException("Kafka (" + brokers + ") refused the login of pipeline.kafka.sasl.username '"
					+ this.sasl.username() + "' with pipeline.kafka.sasl.password (" + mechanism + " over " + protocol + "): "
					+ refused.getMessage(),
					"Check pipeline.kafka.sasl.password and pipeline.kafka.sasl.username (env PIPELINE_KAFKA_SASL_PASSWORD,"
							+ " PIPELINE_KAFKA_SASL_USERNAME) and pipeline.kafka.sasl.mechanism against the user on the brokers.");
		}
		return new KafkaSecurityException("Kafka (" + brokers + ") refused to authenticate the client (" + mechanism + " over "
				+ protocol + "): " + refused.getMessage(),
				"Check spring.kafka.security.protocol, spring.kafka.properties.sasl.* and spring.kafka.ssl.*, and the"
						+ " credentials they point to.");
	}

}
