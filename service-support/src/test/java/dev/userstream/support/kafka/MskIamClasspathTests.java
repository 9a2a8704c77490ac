package dev.userstream.support.kafka;

import java.util.Map;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * AWS MSK IAM needs nothing but properties: the library's login module and callback handler are on the
 * runtime class path of this module (and so of both services, which depend on it), and docs/operations.md's
 * settings pass the services' own Kafka security checks.
 */
class MskIamClasspathTests {

	static final String JAAS = "software.amazon.msk.auth.iam.IAMLoginModule required;";

	@Test
	void hasTheMskIamLoginModuleAndCallbackHandler() throws Exception {
		assertThat(Class.forName("software.amazon.msk.auth.iam.IAMClientCallbackHandler")).isNotNull();
		assertThat(JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(JAAS))).configurationEntries())
			.singleElement()
			.satisfies((entry) -> assertThat(Class.forName(entry.getLoginModuleName())).isNotNull());
	}

	@Test
	void acceptsTheReadmesMskIamSettings() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.getSecurity().setProtocol("SASL_SSL");
		kafka.getProperties().putAll(Map.of("sasl.mechanism", "AWS_MSK_IAM", "sasl.jaas.config", JAAS,
				"sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));

		assertThatNoException().isThrownBy(() -> KafkaSecuritySettings.apply(new KafkaSaslProperties("SCRAM-SHA-512", null, null), kafka));
		assertThat(kafka.getProperties()).containsEntry("sasl.mechanism", "AWS_MSK_IAM").containsEntry("sasl.jaas.config", JAAS);
	}

}
