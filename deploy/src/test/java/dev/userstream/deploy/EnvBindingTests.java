package dev.userstream.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The binding rule the deploy tests rely on, on a few known properties. */
class EnvBindingTests {

	final EnvBinding binding = new EnvBinding(List.of(EnvBinding.Property.of("spring.kafka.bootstrap-servers", "java.util.List<java.lang.String>"),
			EnvBinding.Property.of("pipeline.encryption.keys", "java.lang.String"),
			EnvBinding.Property.of("logging.level", "java.util.Map<java.lang.String,java.lang.String>")));

	@Test
	void bindsTheCanonicalAndTheLegacyEnvForm() {
		assertThat(this.binding.binds("SPRING_KAFKA_BOOTSTRAPSERVERS")).isTrue();
		assertThat(this.binding.binds("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
		assertThat(this.binding.binds("PIPELINE_ENCRYPTION_KEYS")).isTrue();
	}

	@Test
	void bindsEntriesOfMapProperties() {
		assertThat(this.binding.binds("LOGGING_LEVEL_ROOT")).isTrue();
	}

	@Test
	void doesNotBindMisspelledOrUnknownNames() {
		assertThat(this.binding.binds("SPRING_KAFKA_BOOTSTRAPSERVER")).isFalse();
		assertThat(this.binding.binds("PIPELINE_ENCRYPTION_KEY")).isFalse();
		assertThat(this.binding.binds("KAFKA_SERVER")).isFalse();
		assertThat(this.binding.binds("PIPELINE_ENCRYPTION")).isFalse();
	}

}
