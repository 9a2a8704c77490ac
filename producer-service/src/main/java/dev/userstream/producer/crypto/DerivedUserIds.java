package dev.userstream.producer.crypto;

import dev.userstream.support.keys.InvalidEncryptionKeysException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.userstream.model.Fernet;

import org.springframework.stereotype.Component;

/**
 * Deterministic user ids for users that come without one (HTTP ingestion): the same user always gets
 * the same id, so a client that sends a request again does not create a second user. The id is an
 * HMAC-SHA256 of the user's canonical bytes, keyed with a key derived from the first encryption key,
 * not a plain name-based UUID: those bytes include the e-mail address and the password, and an
 * unkeyed hash in a plaintext column would let anyone test guesses against them. After the first key
 * is rotated, the same user gets a new id (docs/architecture.md, "Ids"; clients that care send their own).
 */
@Component
public class DerivedUserIds {

	private static final byte[] PURPOSE = "userstream/ingest/user_id/v1".getBytes(StandardCharsets.US_ASCII);

	private final SecretKeySpec idKey;

	DerivedUserIds(CryptoProperties properties) {
		String commaSeparatedKeys = properties.keys();
		try {
			Fernet.fromProperty(commaSeparatedKeys, CryptoProperties.KEYS_PROPERTY);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEncryptionKeysException(ex.getMessage(), CryptoProperties.KEYS_FIX);
		}
		byte[] firstKey = Base64.getUrlDecoder().decode(commaSeparatedKeys.split(",")[0].strip());
		this.idKey = new SecretKeySpec(hmac(new SecretKeySpec(firstKey, "HmacSHA256"), PURPOSE), "HmacSHA256");
	}

	/**
	 * The id of a user.
	 * @param canonical bytes that identify the user and change whenever one of its fields does
	 * @return a UUID (version 8, the RFC 9562 version for application-defined ids)
	 */
	public UUID derive(byte[] canonical) {
		ByteBuffer hash = ByteBuffer.wrap(hmac(this.idKey, canonical));
		long high = (hash.getLong() & ~0xF000L) | 0x8000L;
		long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	private static byte[] hmac(SecretKeySpec key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "DerivedUserIds[key=redacted]";
	}

}
