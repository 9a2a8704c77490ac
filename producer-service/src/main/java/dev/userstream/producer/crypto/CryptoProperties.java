package dev.userstream.producer.crypto;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Fernet keys. No default: a producer without a key must not start.
 *
 * @param keys Fernet keys, comma-separated url-safe base64 (env PIPELINE_ENCRYPTION_KEYS); the first
 * encrypts, all decrypt
 */
@ConfigurationProperties("pipeline.encryption")
@Validated
record CryptoProperties(@NotBlank(message = "is required: set PIPELINE_ENCRYPTION_KEYS to one or more comma-separated"
		+ " Fernet keys (the first encrypts). Generate one with: java -jar userstream-crypto.jar genkey") String keys) {

	static final String KEYS_PROPERTY = "pipeline.encryption.keys";

	/** What to do about missing or malformed keys, for the start-up failure message. */
	static final String KEYS_FIX = "Set PIPELINE_ENCRYPTION_KEYS (property " + KEYS_PROPERTY + ") to one or more"
			+ " comma-separated Fernet keys: 32 bytes each, url-safe base64 (44 characters); the first"
			+ " encrypts. Generate one with: java -jar userstream-crypto.jar genkey";

	/** Never the keys: configuration ends up in logs and failure reports. */
	@Override
	public String toString() {
		return "CryptoProperties[keys=redacted]";
	}

}
