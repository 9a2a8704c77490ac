package dev.userstream.model;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import dev.userstream.model.FernetException.Reason;

/**
 * Fernet (https://github.com/fernet/spec) over a list of keys, like Python's {@code MultiFernet}:
 * the first key encrypts, every key is tried for decryption, so keys can be rotated by putting the
 * new one first. Tokens interoperate with Python's {@code cryptography.fernet} both ways.
 * <p>
 * Decryption applies no TTL unless one is given: records are decrypted days after they were made.
 * Instances are immutable and thread-safe. Rejected tokens throw {@link FernetException}, whose
 * {@link FernetException.Reason} says which check failed.
 */
public final class Fernet {

	private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

	private final List<FernetKey> keys;

	private final Clock clock;

	private final SecureRandom random;

	private Fernet(List<FernetKey> keys, Clock clock, SecureRandom random) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("Fernet needs at least one key");
		}
		this.keys = List.copyOf(keys);
		this.clock = Objects.requireNonNull(clock, "clock");
		this.random = Objects.requireNonNull(random, "random");
	}

	/** A codec over one or more keys, the first of which encrypts; system clock, shared SecureRandom. */
	public static Fernet of(List<FernetKey> keys) {
		return new Fernet(keys, Clock.systemUTC(), DEFAULT_RANDOM);
	}

	/** A codec with its own clock (stamped into new tokens) and source of IVs. */
	public static Fernet of(List<FernetKey> keys, Clock clock, SecureRandom random) {
		return new Fernet(keys, clock, random);
	}

	/**
	 * A codec from a configuration value: keys separated by commas, the first encrypts. Throws
	 * {@link IllegalArgumentException} if it is missing, blank or holds a malformed key, with a
	 * message naming {@code propertyName} and the entry, never the key text.
	 */
	public static Fernet fromProperty(String commaSeparatedKeys, String propertyName) {
		return of(FernetKeys.parse(commaSeparatedKeys, propertyName));
	}

	/**
	 * A verifier from a configuration value: full keys or verification keys (signing halves, see
	 * {@link FernetKey#verificationKey()}), separated by commas. It checks tokens ({@link #verify(String)});
	 * it decrypts only tokens signed by a full key. Errors as {@link #fromProperty(String, String)}.
	 */
	public static Fernet verifierFromProperty(String commaSeparatedKeys, String propertyName) {
		return of(FernetKeys.parse(commaSeparatedKeys, propertyName, true));
	}

	/**
	 * The verification keys of a configuration value of full keys, in the same order and form
	 * (comma-separated): what a reader that only checks tokens needs. Errors as
	 * {@link #fromProperty(String, String)}.
	 */
	public static String verificationKeysOf(String commaSeparatedKeys, String propertyName) {
		return String.join(",", FernetKeys.parse(commaSeparatedKeys, propertyName).stream().map(FernetKey::verificationKey).toList());
	}

	/** Encrypts text, as UTF-8, with the first key. */
	public String encrypt(String plaintext) {
		return encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
	}

	/** Encrypts bytes with the first key, a random IV and the clock's time. */
	public String encrypt(byte[] plaintext) {
		byte[] iv = new byte[FernetToken.IV_LENGTH];
		this.random.nextBytes(iv);
		return encrypt(plaintext, this.clock.instant(), iv);
	}

	/** Encrypts with a given time (whole seconds) and 16-byte IV, for test vectors; never reuse an IV. */
	public String encrypt(byte[] plaintext, Instant now, byte[] iv) {
		if (iv.length != FernetToken.IV_LENGTH) {
			throw new IllegalArgumentException("the IV must be 16 bytes");
		}
		int ciphertextLength = (plaintext.length / FernetToken.BLOCK + 1) * FernetToken.BLOCK;
		byte[] token = FernetToken.newBuffer(now.getEpochSecond(), iv, ciphertextLength);
		FernetCrypto.seal(this.keys.get(0), plaintext, token);
		return Base64.getUrlEncoder().encodeToString(token);
	}

	/** Decrypts a token made with any of the keys, whatever its age. */
	public byte[] decrypt(String token) {
		return open(FernetToken.parse(token));
	}

	/** Decrypts a token made with any of the keys, whatever its age, into UTF-8 text. */
	public String decryptToString(String token) {
		return new String(decrypt(token), StandardCharsets.UTF_8);
	}

	/** Decrypts a token no older than {@code ttl} and at most 60 s ahead of {@code now} (seconds). */
	public byte[] decrypt(String token, Duration ttl, Instant now) {
		FernetToken parsed = FernetToken.parse(token);
		parsed.checkTime(ttl, now);
		return open(parsed);
	}

	/**
	 * Re-encrypts a token made with any of the keys under the first key, like Python's
	 * {@code MultiFernet.rotate}: the plaintext and the token's timestamp are kept (its age still says
	 * when the value was first encrypted), the IV is new. Throws {@link FernetException} for a token no
	 * key opens.
	 */
	public String rotate(String token) {
		FernetToken parsed = FernetToken.parse(token);
		byte[] iv = new byte[FernetToken.IV_LENGTH];
		this.random.nextBytes(iv);
		return encrypt(open(parsed), Instant.ofEpochSecond(parsed.timestamp()), iv);
	}

	/**
	 * Whether a token is signed by the first key, the one that encrypts: {@link #rotate(String)} would
	 * change only its IV. A token it is not signed by may still be valid under another key.
	 */
	public boolean isSignedByFirstKey(String token) {
		try {
			return FernetCrypto.isSignedBy(this.keys.get(0), FernetToken.parse(token));
		}
		catch (FernetException ex) {
			return false;
		}
	}

	/** Checks structure only (base64, version, lengths, whole AES blocks), for a holder of no key. */
	public static void checkWellFormed(String token) {
		FernetToken.parse(token);
	}

	/** Checks that a token is well formed and its HMAC matches one of the keys, without decrypting. */
	public void verify(String token) {
		signer(FernetToken.parse(token));
	}

	/** Whether {@link #verify(String)} accepts a token. */
	public boolean isAuthentic(String token) {
		try {
			verify(token);
			return true;
		}
		catch (FernetException ex) {
			return false;
		}
	}

	private byte[] open(FernetToken token) {
		return FernetCrypto.open(signer(token), token);
	}

	private FernetKey signer(FernetToken token) {
		for (FernetKey key : this.keys) {
			if (FernetCrypto.isSignedBy(key, token)) {
				return key;
			}
		}
		throw new FernetException(Reason.INCORRECT_MAC);
	}

	@Override
	public String toString() {
		return "Fernet[keys=" + this.keys.size() + "]";
	}

}
