package dev.userstream.cli;

import java.util.List;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings a stored record's tokens ({@code email}, {@code username}, {@code password}) under the first
 * key. A token already signed by it is left as it is, which is what makes a rotation idempotent and a
 * second run a no-op; any other token is re-encrypted like {@code MultiFernet.rotate} (see
 * {@link Fernet#rotate(String)}).
 */
final class TokenRotation {

	static final List<String> FIELDS = List.of("email", "username", "password");

	private final Fernet fernet;

	TokenRotation(Fernet fernet) {
		this.fernet = fernet;
	}

	/**
	 * The token under the first key, or {@code null} when it is under it already.
	 * @throws FernetException when no key opens it
	 */
	String rotate(String token) {
		return this.fernet.isSignedByFirstKey(token) ? null : this.fernet.rotate(token);
	}

	/**
	 * Rotates a record's tokens in place.
	 * @return whether any of them changed
	 * @throws Failure when a field is missing, not a string, or no key opens it
	 */
	boolean rotate(ObjectNode record) {
		boolean changed = false;
		for (String field : FIELDS) {
			JsonNode value = record.get(field);
			if (value == null || !value.isString()) {
				throw new Failure("field " + field + " is missing or not a string");
			}
			String rotated = rotate(field, value.stringValue());
			if (rotated != null) {
				record.put(field, rotated);
				changed = true;
			}
		}
		return changed;
	}

	/** Like {@link #rotate(String)}, with a failure that names the field and the reason, never the token. */
	String rotate(String field, String token) {
		try {
			return rotate(token);
		}
		catch (FernetException ex) {
			throw new Failure("field " + field + ": " + ex.getMessage() + " [" + ex.reason() + "]");
		}
	}

	/** A record that cannot be rotated; counted, and left as it is. */
	static final class Failure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Failure(String message) {
			super(message, null, false, false);
		}

	}

}
