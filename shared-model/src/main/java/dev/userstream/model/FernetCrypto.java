package dev.userstream.model;

import java.security.GeneralSecurityException;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;

import dev.userstream.model.FernetException.Reason;

/**
 * The JCA side of Fernet: AES-128-CBC with PKCS#7 padding and HMAC-SHA256.
 * <p>
 * {@link Cipher} and {@link Mac} are not thread-safe, and looking them up costs about four times the
 * crypto itself for a short field (measured: ~0.9 µs per token with one instance per thread, ~5 µs
 * with {@code getInstance} per call), so each thread keeps its own pair. Keys are set per call: the
 * key schedule is cheap next to the lookup.
 */
final class FernetCrypto {

	private static final ThreadLocal<Cipher> AES = ThreadLocal.withInitial(FernetCrypto::newCipher);

	private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(FernetCrypto::newMac);

	private FernetCrypto() {
	}

	/** Encrypts into {@code token} after its header and signs it; the header must hold the IV. */
	static void seal(FernetKey key, byte[] plaintext, byte[] token) {
		try {
			Cipher cipher = AES.get();
			cipher.init(Cipher.ENCRYPT_MODE, key.encryptionKey(),
					new IvParameterSpec(token, FernetToken.IV_OFFSET, FernetToken.IV_LENGTH));
			int written = cipher.doFinal(plaintext, 0, plaintext.length, token, FernetToken.CIPHERTEXT_OFFSET);
			int signed = FernetToken.CIPHERTEXT_OFFSET + written;
			Mac mac = HMAC.get();
			mac.init(key.signingKey());
			mac.update(token, 0, signed);
			mac.doFinal(token, signed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/HMAC failed on a well-formed input", ex);
		}
	}

	/** Whether the token's HMAC was made with this key; compares in constant time. */
	static boolean isSignedBy(FernetKey key, FernetToken token) {
		byte[] bytes = token.bytes();
		int signed = token.signedLength();
		byte[] expected;
		try {
			Mac mac = HMAC.get();
			mac.init(key.signingKey());
			mac.update(bytes, 0, signed);
			expected = mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC failed on a well-formed input", ex);
		}
		int difference = 0;
		for (int i = 0; i < FernetToken.MAC_LENGTH; i++) {
			difference |= expected[i] ^ bytes[signed + i];
		}
		return difference == 0;
	}

	/** Decrypts the ciphertext of a token whose HMAC has been verified with this key. */
	static byte[] open(FernetKey key, FernetToken token) {
		byte[] bytes = token.bytes();
		try {
			Cipher cipher = AES.get();
			cipher.init(Cipher.DECRYPT_MODE, key.encryptionKey(),
					new IvParameterSpec(bytes, FernetToken.IV_OFFSET, FernetToken.IV_LENGTH));
			return cipher.doFinal(bytes, FernetToken.CIPHERTEXT_OFFSET, token.ciphertextLength());
		}
		catch (BadPaddingException ex) {
			throw new FernetException(Reason.PADDING);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES failed on a well-formed input", ex);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/CBC/PKCS5Padding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the JDK lacks AES/CBC/PKCS5Padding", ex);
		}
	}

	private static Mac newMac() {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the JDK lacks HmacSHA256", ex);
		}
	}

}
