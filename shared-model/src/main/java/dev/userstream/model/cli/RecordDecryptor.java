package dev.userstream.model.cli;

import java.util.List;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetException;
import dev.userstream.model.UserRecordJson;
import dev.userstream.model.cli.InputLines.InvalidRecordException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decrypts the encrypted fields of one NDJSON wire record. Works on the JSON tree rather than
 * {@code UserRecord} so that every other field, unknown ones included, comes out exactly as it came
 * in, in the same order (only the JSON formatting may change).
 */
final class RecordDecryptor {

	static final List<String> ENCRYPTED_FIELDS = List.of("email", "username", "password");

	private final Fernet fernet;

	private final JsonMapper mapper = UserRecordJson.mapper();

	RecordDecryptor(Fernet fernet) {
		this.fernet = fernet;
	}

	String decrypt(String line) {
		JsonNode node = this.mapper.readTree(line);
		if (!(node instanceof ObjectNode record)) {
			throw new InvalidRecordException("not a JSON object");
		}
		for (String field : ENCRYPTED_FIELDS) {
			JsonNode value = record.get(field);
			if (value == null || !value.isString()) {
				throw new InvalidRecordException("field " + field + " is missing or not a string");
			}
			record.put(field, decrypt(field, value.stringValue()));
		}
		return this.mapper.writeValueAsString(record);
	}

	private String decrypt(String field, String token) {
		try {
			return this.fernet.decryptToString(token);
		}
		catch (FernetException ex) {
			throw new InvalidRecordException("field " + field + ": " + ex.getMessage() + " [" + ex.reason() + "]");
		}
	}

}
