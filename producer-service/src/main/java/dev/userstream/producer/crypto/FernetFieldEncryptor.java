package dev.userstream.producer.crypto;

import dev.userstream.support.keys.InvalidEncryptionKeysException;

import dev.userstream.model.Fernet;

import org.springframework.stereotype.Component;

/**
 * Fernet with the first key of {@code pipeline.encryption.keys}. The keys are decoded when the bean is
 * created, so a malformed one stops start-up (with a message that never contains it).
 */
@Component
class FernetFieldEncryptor implements FieldEncryptor {

	private final Fernet fernet;

	FernetFieldEncryptor(CryptoProperties properties) {
		try {
			this.fernet = Fernet.fromProperty(properties.keys(), CryptoProperties.KEYS_PROPERTY);
		}
		catch (IllegalArgumentException ex) {
			// not chained: nothing below this message is needed, and nothing may leak key material
			throw new InvalidEncryptionKeysException(ex.getMessage(), CryptoProperties.KEYS_FIX);
		}
	}

	@Override
	public String encrypt(String plaintext) {
		return this.fernet.encrypt(plaintext);
	}

}
