package dev.userstream.sink;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the sink consumes and how it checks tokens.
 *
 * @param topic the topic to consume; dead letters go to this name + {@code -dlt}
 * @param encryption Fernet keys; when set, every token must be authentic under one of them
 */
@Validated
@ConfigurationProperties("pipeline")
public record SinkProperties(@NotBlank @DefaultValue("users_topic") String topic,
		@NotNull @DefaultValue Encryption encryption) {

	/**
	 * Fernet keys the sink verifies tokens with (it never decrypts).
	 *
	 * @param keys comma-separated url-safe base64 keys (env {@code PIPELINE_ENCRYPTION_KEYS}); optional for the
	 * sink: without them tokens are only checked to be well-formed
	 */
	public record Encryption(String keys) {

		@Override
		public String toString() {
			return "Encryption[keys=" + ((this.keys == null || this.keys.isBlank()) ? "none" : "******") + "]";
		}

	}

}
