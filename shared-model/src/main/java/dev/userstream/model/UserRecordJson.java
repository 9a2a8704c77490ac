package dev.userstream.model;

import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of {@link UserRecord}: one configured, immutable (hence thread-safe) Jackson 3
 * mapper that producer, sink and CLI share, so every component writes the same bytes.
 */
public final class UserRecordJson {

	// Instants as ISO-8601 text ("2026-11-22T01:02:03.456Z"): the contract and the Python
	// consumers expect strings, never epoch numbers.
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	private UserRecordJson() {
	}

	/**
	 * The shared mapper, for callers that need streams, bytes or trees.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Reads one record.
	 * @param json a JSON object
	 * @return the record
	 * @throws tools.jackson.core.JacksonException if the text is not a record
	 */
	public static UserRecord read(String json) {
		return MAPPER.readValue(json, UserRecord.class);
	}

	/**
	 * Reads one record from UTF-8 bytes (a Kafka value).
	 * @param json UTF-8 JSON object
	 * @return the record
	 * @throws tools.jackson.core.JacksonException if the bytes are not a record
	 */
	public static UserRecord read(byte[] json) {
		return MAPPER.readValue(json, UserRecord.class);
	}

	/**
	 * Writes one record as compact JSON.
	 * @param record the record
	 * @return its JSON text
	 */
	public static String write(UserRecord record) {
		return MAPPER.writeValueAsString(record);
	}

}
