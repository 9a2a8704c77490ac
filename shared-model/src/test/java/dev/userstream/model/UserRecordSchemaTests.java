package dev.userstream.model;

import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published JSON Schema ({@link UserRecordJson#SCHEMA_RESOURCE}) and {@link UserRecord} agree: the
 * same fields with the same JSON types, the same version; the original producer's records satisfy the
 * root schema, a record as this code writes it the producer-service one.
 */
class UserRecordSchemaTests {

	private static final JsonNode SCHEMA = UserRecordJson.mapper()
		.readTree(Fixtures.class.getClassLoader().getResourceAsStream(UserRecordJson.SCHEMA_RESOURCE));

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private static final Schema ACCEPTED = REGISTRY.getSchema(SchemaLocation.of("classpath:" + UserRecordJson.SCHEMA_RESOURCE));

	private static final Schema PRODUCED = REGISTRY
		.getSchema(SchemaLocation.of("classpath:" + UserRecordJson.SCHEMA_RESOURCE + "#/$defs/producer-service-record"));

	@Test
	void isADraft202012SchemaThatAllowsUnknownFields() {
		assertThat(SCHEMA.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(SCHEMA.has("additionalProperties")).isFalse();
		assertThat(SCHEMA.at("/properties/dob").has("additionalProperties")).isFalse();
		assertThat(errors(ACCEPTED, UserRecordJson.write(record()).replace("\"name\":", "\"nickname\":7,\"name\":"))).isEmpty();
	}

	@Test
	void namesExactlyTheRecordsFieldsWithTheirJsonTypes() {
		assertThat(jsonTypes(UserRecord.class)).isEqualTo(schemaTypes(SCHEMA));
		assertThat(jsonTypes(UserRecord.Dob.class)).isEqualTo(schemaTypes(SCHEMA.at("/properties/dob")));
	}

	@Test
	void requiresWhatTheRecordsNeedAndIsOfTheCurrentVersion() {
		assertThat(SCHEMA.at("/properties/schema_version/maximum").intValue()).isEqualTo(UserRecord.CURRENT_SCHEMA_VERSION);
		assertThat(SCHEMA.at("/$defs/producer-service-record/properties/schema_version/const").intValue())
			.isEqualTo(UserRecord.CURRENT_SCHEMA_VERSION);
		assertThat(names(SCHEMA.get("required"))).containsExactly("name", "email", "dob", "username", "password");
		assertThat(names(SCHEMA.at("/$defs/producer-service-record/required"))).containsExactly("user_id", "name", "email",
				"dob", "username", "password", "source", "produced_at", "schema_version");
	}

	@Test
	void acceptsTheOriginalProducersRecordsButNotAsProducerServiceRecords() {
		for (String message : Fixtures.originalMessages()) {
			assertThat(errors(ACCEPTED, message)).as(message).isEmpty();
			assertThat(errors(PRODUCED, message)).hasSize(4);
		}
	}

	@Test
	void acceptsARecordAsThisCodeWritesItWithRealTokens() {
		String json = UserRecordJson.write(record());

		assertThat(errors(PRODUCED, json)).isEmpty();
		assertThat(errors(ACCEPTED, json)).isEmpty();
	}

	@Test
	void refusesWhatTheSinkDeadLettersAsInvalidField() {
		String json = UserRecordJson.write(record());

		assertThat(errors(ACCEPTED, json.replace("\"age\":72", "\"age\":\"33\""))).singleElement().asString().contains("/dob/age");
		assertThat(errors(ACCEPTED, json.replace("\"age\":72", "\"age\":1.5"))).singleElement().asString().contains("/dob/age");
		assertThat(errors(ACCEPTED, json.replace("\"name\":\"Bently Martin\"", "\"name\":7"))).singleElement().asString()
			.contains("/name");
		assertThat(errors(ACCEPTED, json.replace("\"city\":\"Aylmer\"", "\"city\":true"))).singleElement().asString()
			.contains("/city");
		assertThat(errors(ACCEPTED, json.replace("\"schema_version\":1", "\"schema_version\":2"))).singleElement().asString()
			.contains("/schema_version");
		assertThat(errors(ACCEPTED, json.replace("\"produced_at\":\"2026-11-22T01:02:03.456Z\"", "\"produced_at\":1795309323")))
			.singleElement().asString().contains("/produced_at");
	}

	private static UserRecord record() {
		Fernet fernet = Fernet.fromProperty(FernetKey.generate(new SecureRandom()).encoded(), "test");
		return new UserRecord("2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88", "Bently Martin", "male", "Canada", "Yukon", "Aylmer",
				fernet.encrypt("bently@example.org"), new UserRecord.Dob("1952-10-10T07:36:45.668Z", 72),
				fernet.encrypt("bently"), fernet.encrypt("secret"), "randomuser", Instant.parse("2026-11-22T01:02:03.456Z"),
				UserRecord.CURRENT_SCHEMA_VERSION);
	}

	private static List<Error> errors(Schema schema, String json) {
		return schema.validate(json, InputFormat.JSON);
	}

	/** Wire name to JSON type of each component, as Jackson writes it. */
	private static Map<String, String> jsonTypes(Class<? extends Record> type) {
		Map<String, String> types = new LinkedHashMap<>();
		for (RecordComponent component : type.getRecordComponents()) {
			Class<?> java = component.getType();
			String json = (java == String.class || java == Instant.class) ? "string"
					: (java == Integer.class) ? "integer" : (java == UserRecord.Dob.class) ? "object" : java.getName();
			types.put(component.getAccessor().getAnnotation(JsonProperty.class).value(), json);
		}
		return types;
	}

	/** Property name to JSON type, following {@code $ref} to {@code $defs}. */
	private static Map<String, String> schemaTypes(JsonNode schema) {
		Map<String, String> types = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
			JsonNode node = property.getValue();
			JsonNode referenced = node.has("$ref") ? SCHEMA.at(node.get("$ref").asString().substring(1)) : node;
			String type = node.has("type") ? node.get("type").asString() : referenced.get("type").asString();
			types.put(property.getKey(), type);
		}
		return types;
	}

	private static List<String> names(JsonNode array) {
		return Arrays.asList(UserRecordJson.mapper().convertValue(array, String[].class));
	}

}
