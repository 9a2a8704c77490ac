package dev.userstream.producer.crypto;

/** Encrypts one sensitive field ({@code email}, {@code username}, {@code password}) for the wire. */
public interface FieldEncryptor {

	/**
	 * Encrypts a field.
	 * @param plaintext the field's value
	 * @return its ciphertext as text
	 */
	String encrypt(String plaintext);

}
