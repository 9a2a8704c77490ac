package dev.userstream.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON mapping of {@link UserRecord}: one configured, immutable (hence thread-safe) Jackson 3
 * mapper that producer, sink and CLI share, so every component writes the same bytes.
 */
public final class UserRecordJson {

	/**
	 * Class-path location of the contract's JSON Schema (draft 2020-12), shipped in this jar: the root
	 * is what a sink accepts, {@code #/$defs/producer-service-record} what producer-service sends.
	 */
	public static final String SCHEMA_RESOURCE = "dev/userstream/model/user-record.schema.json";

	// Instants as ISO-8601 text ("2026-11-22T01:02:03.456Z"): the contract and the Python
	// consumers expect strings, never epoch numbers.
	// Reading is as strict as the published schema (user-record.schema.json): a value of another JSON
	// type is a mismatch at its field, never coerced ("33" is no age, 7 no name, 1.5 no whole number,
	// a number no instant), so a producer's type bug is dead-lettered instead of stored altered.
	// Unknown fields stay ignored (UserRecord), and nothing may follow the record.
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.withCoercionConfig(LogicalType.Textual, (text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
		.addModule(new SimpleModule("userstream-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
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
	 * The field a failure to read a record is about, when it is a value of the wrong JSON type (or out of
	 * its type's range) at a known field: its wire name with dots for nesting ({@code dob.age}). Only the
	 * name: Jackson's messages may quote the value, which is personal data.
	 * @param ex what {@link #read(byte[])} threw
	 * @return the field's wire name, or {@code null} when the failure is not about one field's type (not
	 * JSON, not an object, trailing data)
	 */
	public static String mismatchedField(JacksonException ex) {
		if (!(ex instanceof MismatchedInputException) && !(ex instanceof InputCoercionException)) {
			return null;
		}
		List<String> names = new ArrayList<>();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() == null) {
				return null; // an index: the records have no arrays, so the value as a whole is wrong
			}
			names.add(reference.getPropertyName());
		}
		return names.isEmpty() ? null : String.join(".", names);
	}

	/**
	 * An instant only from ISO-8601 text with an offset ({@code 2026-11-22T01:02:03.456Z}, or {@code +01:00}),
	 * as the schema's {@code date-time}. Hand-written because Jackson's own reads numbers and digit strings
	 * as epoch seconds, whatever the coercion settings, so {@code 1795309323} would pass as a date.
	 */
	private static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

		IsoInstantDeserializer() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			String text = parser.getString();
			try {
				return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
			}
			catch (DateTimeException ex) {
				return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 date-time with offset");
			}
		}

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
