package dev.userstream.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The users as the Kafka Connect peer reads them: JsonConverter envelopes with a schema
 * ({@code value.converter.schemas.enable=true}; Debezium's JDBC sink needs a schema), one field per
 * column of the {@code users} table but the two the database makes ({@code id}, {@code ingested_at}).
 * {@code dob_date} is a Connect {@code Date}, {@code produced_at} a Connect {@code Timestamp}.
 */
final class ConnectEnvelopes {

	private static final ObjectNode SCHEMA = schema();

	private ConnectEnvelopes() {
	}

	/** One user as {@code {"schema": …, "payload": …}}, UTF-8. */
	static byte[] envelope(UserRecord user) {
		ObjectNode payload = UserRecordJson.mapper().createObjectNode();
		payload.put("user_id", user.userId());
		payload.put("name", user.name());
		payload.put("gender", user.gender());
		payload.put("country", user.country());
		payload.put("state", user.state());
		payload.put("city", user.city());
		payload.put("email", user.email());
		payload.put("dob_date", LocalDate.ofInstant(Instant.parse(user.dob().date()), ZoneOffset.UTC).toEpochDay());
		payload.put("dob_age", user.dob().age());
		payload.put("username", user.username());
		payload.put("password", user.password());
		payload.put("source", user.source());
		payload.put("produced_at", user.producedAt().toEpochMilli());
		ObjectNode envelope = UserRecordJson.mapper().createObjectNode();
		envelope.set("schema", SCHEMA);
		envelope.set("payload", payload);
		return UserRecordJson.mapper().writeValueAsBytes(envelope);
	}

	private static ObjectNode schema() {
		ObjectNode schema = UserRecordJson.mapper().createObjectNode();
		schema.put("type", "struct").put("name", "users.Value").put("optional", false);
		ArrayNode fields = schema.putArray("fields");
		field(fields, "user_id", "string", false);
		field(fields, "name", "string", false);
		field(fields, "gender", "string", true);
		field(fields, "country", "string", true);
		field(fields, "state", "string", true);
		field(fields, "city", "string", true);
		field(fields, "email", "string", false);
		field(fields, "dob_date", "int32", false).put("name", "org.apache.kafka.connect.data.Date").put("version", 1);
		field(fields, "dob_age", "int32", true);
		field(fields, "username", "string", false);
		field(fields, "password", "string", false);
		field(fields, "source", "string", true);
		field(fields, "produced_at", "int64", true).put("name", "org.apache.kafka.connect.data.Timestamp").put("version", 1);
		return schema;
	}

	private static ObjectNode field(ArrayNode fields, String name, String type, boolean optional) {
		return fields.addObject().put("field", name).put("type", type).put("optional", optional);
	}

}
