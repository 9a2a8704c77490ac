package dev.userstream.sink.validation;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetException;
import dev.userstream.sink.SinkProperties;

import org.springframework.stereotype.Component;

/**
 * Checks the sink's tokens without decrypting them: well-formed always, authentic (HMAC) when the
 * sink is given {@code PIPELINE_ENCRYPTION_KEYS}. Malformed keys stop start-up, naming the property.
 */
@Component
public class TokenVerifier {

	static final String KEYS_PROPERTY = "pipeline.encryption.keys";

	private final Fernet fernet;

	public TokenVerifier(SinkProperties properties) {
		String keys = properties.encryption().keys();
		this.fernet = (keys == null || keys.isBlank()) ? null : parse(keys);
	}

	private static Fernet parse(String keys) {
		try {
			return Fernet.fromProperty(keys, KEYS_PROPERTY);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEncryptionKeysException(ex.getMessage()); // names the entry, never the key
		}
	}

	/** Whether tokens are checked for authenticity, not only shape. */
	public boolean verifiesAuthenticity() {
		return this.fernet != null;
	}

	/**
	 * Throws when the token is not acceptable.
	 * @param token the token
	 * @throws FernetException with the reason
	 */
	public void verify(String token) {
		if (this.fernet != null) {
			this.fernet.verify(token);
		}
		else {
			Fernet.checkWellFormed(token);
		}
	}

}
