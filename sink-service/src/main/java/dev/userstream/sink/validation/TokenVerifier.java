package dev.userstream.sink.validation;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetException;
import dev.userstream.sink.SinkProperties;
import dev.userstream.support.keys.InvalidEncryptionKeysException;

import org.springframework.stereotype.Component;

/**
 * Checks the sink's tokens without decrypting them: well-formed always, authentic (HMAC) when the
 * sink is given {@code PIPELINE_ENCRYPTION_KEYS}. The sink needs only the signing half of each key: full
 * keys or their verification keys ({@code userstream-crypto verifykeys}) are both accepted, and with the
 * latter the sink cannot decrypt. Malformed keys stop start-up, naming the property.
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
			return Fernet.verifierFromProperty(keys, KEYS_PROPERTY);
		}
		catch (IllegalArgumentException ex) {
			// names the entry, never the key
			throw new InvalidEncryptionKeysException(ex.getMessage(), "Set PIPELINE_ENCRYPTION_KEYS (property " + KEYS_PROPERTY
					+ ") to the producer's comma-separated Fernet keys (44 characters of url-safe base64 each) or their"
					+ " verification keys (24 characters: userstream-crypto verifykeys), or leave it unset to check"
					+ " tokens for shape only.");
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

	/**
	 * Whether a token is well formed but signed by none of the keys: a token made with a key this sink
	 * was not given (yet), or altered. Always {@code false} without keys.
	 * @param token the token
	 * @return {@code true} if only the signature check fails
	 */
	public boolean signedByAnotherKey(String token) {
		if (this.fernet == null || token == null) {
			return false;
		}
		try {
			Fernet.checkWellFormed(token);
		}
		catch (FernetException ex) {
			return false;
		}
		return !this.fernet.isAuthentic(token);
	}

}
