package dev.userstream.support.kafka;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * SASL credentials for every Kafka client of the service, kept apart from the JAAS line Kafka wants so
 * that the password can come from its own environment variable or Kubernetes Secret key, and so that
 * no one has to quote a password inside {@code sasl.jaas.config} by hand. Empty username: no SASL from
 * here (Kafka's own {@code spring.kafka.properties.sasl.*} still work, e.g. for AWS MSK IAM).
 *
 * @param mechanism the SASL mechanism: SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN
 * @param username the user; empty for none
 * @param password the user's password (a secret: never logged)
 */
@ConfigurationProperties(KafkaSaslProperties.PREFIX)
@Validated
record KafkaSaslProperties(
		@Pattern(regexp = "SCRAM-SHA-512|SCRAM-SHA-256|PLAIN",
				message = "must be SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN (for other mechanisms set spring.kafka.properties.sasl.*)") @DefaultValue("SCRAM-SHA-512") String mechanism,
		String username, String password) {

	static final String PREFIX = "pipeline.kafka.sasl";

	/** Whether credentials are configured here. */
	boolean enabled() {
		return StringUtils.hasText(this.username);
	}

	@AssertTrue(message = "pipeline.kafka.sasl.username and pipeline.kafka.sasl.password go together: set both or neither")
	boolean isComplete() {
		return enabled() == StringUtils.hasLength(this.password);
	}

	/**
	 * The {@code sasl.jaas.config} line for the mechanism, with the username and password quoted for
	 * Kafka's JAAS parser (a {@code StreamTokenizer}: backslash escapes inside double quotes).
	 */
	String jaasConfig() {
		String module = this.mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
				: "org.apache.kafka.common.security.plain.PlainLoginModule";
		return module + " required username=" + quoted(this.username) + " password=" + quoted(this.password) + ";";
	}

	private static String quoted(String value) {
		return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	@Override
	public String toString() {
		return "KafkaSaslProperties[mechanism=" + this.mechanism + ", username=" + this.username + ", password=******]";
	}

}
