package dev.userstream.support.kafka;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JAAS line built from the credentials, read back by Kafka's own parser. */
class KafkaSaslPropertiesTests {

	@Test
	void quotesAPasswordWithQuotesAndBackslashesSoKafkaReadsItBack() {
		String password = "a\"b\\c; d=e \\\"";
		KafkaSaslProperties sasl = new KafkaSaslProperties("SCRAM-SHA-512", "alice", password);

		AppConfigurationEntry entry = parse(sasl.jaasConfig());

		assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
		Map<String, ?> options = entry.getOptions();
		assertThat(options.get("username")).isEqualTo("alice");
		assertThat(options.get("password")).isEqualTo(password);
	}

	@Test
	void usesThePlainLoginModuleForPlain() {
		assertThat(parse(new KafkaSaslProperties("PLAIN", "bob", "pw").jaasConfig()).getLoginModuleName())
			.isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule");
	}

	@Test
	void neverShowsThePasswordInToString() {
		assertThat(new KafkaSaslProperties("SCRAM-SHA-512", "alice", "s3cret-value")).asString()
			.contains("alice")
			.doesNotContain("s3cret-value");
	}

	private static AppConfigurationEntry parse(String jaasConfig) {
		JaasContext context = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(jaasConfig)));
		assertThat(context.configurationEntries()).hasSize(1);
		return context.configurationEntries().get(0);
	}

}
