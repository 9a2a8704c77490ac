package dev.userstream.model;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class UserRecordTests {

	private static final UserRecord RECORD = new UserRecord("2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88", "Bently Martin",
			"male", "Canada", "Yukon", "Aylmer", "gAAAAABn-email", new UserRecord.Dob("1952-10-10T07:36:45.668Z", 72),
			"gAAAAABn-username", "gAAAAABn-password", "randomuser", Instant.parse("2026-11-22T01:02:03.456Z"),
			UserRecord.CURRENT_SCHEMA_VERSION);

	@Test
	void writesTheWireContractsNamesInOrder() {
		assertThat(UserRecordJson.write(RECORD)).isEqualTo("{\"user_id\":\"2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88\","
				+ "\"name\":\"Bently Martin\",\"gender\":\"male\",\"country\":\"Canada\",\"state\":\"Yukon\","
				+ "\"city\":\"Aylmer\",\"email\":\"gAAAAABn-email\","
				+ "\"dob\":{\"date\":\"1952-10-10T07:36:45.668Z\",\"age\":72},\"username\":\"gAAAAABn-username\","
				+ "\"password\":\"gAAAAABn-password\",\"source\":\"randomuser\","
				+ "\"produced_at\":\"2026-11-22T01:02:03.456Z\",\"schema_version\":1}");
	}

	@Test
	void readsWhatItWrites() {
		assertThat(UserRecordJson.read(UserRecordJson.write(RECORD))).isEqualTo(RECORD);
	}

	@Test
	void roundTripsAnOriginalRecordWithoutAddingFields() {
		for (String message : Fixtures.originalMessages()) {
			String written = UserRecordJson.write(UserRecordJson.read(message));

			JsonNode expected = UserRecordJson.mapper().readTree(message);
			assertThat(UserRecordJson.mapper().readTree(written)).isEqualTo(expected);
			assertThat(written).doesNotContain("null").doesNotContain("user_id");
		}
	}

	@Test
	void readsAnyIsoInstant() {
		String offset = UserRecordJson.write(RECORD).replace("2026-11-22T01:02:03.456Z", "2026-11-22T02:02:03.456+01:00");
		String seconds = UserRecordJson.write(RECORD).replace("2026-11-22T01:02:03.456Z", "2026-11-22T01:02:03Z");

		assertThat(UserRecordJson.read(offset).producedAt()).isEqualTo(RECORD.producedAt());
		assertThat(UserRecordJson.read(seconds).producedAt()).isEqualTo(Instant.parse("2026-11-22T01:02:03Z"));
	}

	@Test
	void ignoresUnknownFields() {
		String json = "{\"user_id\":\"u1\",\"phone\":\"555\",\"dob\":{\"date\":\"d\",\"age\":1,\"extra\":true},\"x\":{}}";

		UserRecord record = UserRecordJson.read(json);

		assertThat(record.userId()).isEqualTo("u1");
		assertThat(record.dob()).isEqualTo(new UserRecord.Dob("d", 1));
	}

	@Test
	void keepsPersonalFieldsOutOfToString() {
		assertThat(RECORD.toString())
			.isEqualTo("UserRecord[user_id=2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88, source=randomuser, schema_version=1]")
			.doesNotContain("Bently")
			.doesNotContain("gAAAA")
			.doesNotContain("1952");
		assertThat(RECORD.dob().toString()).doesNotContain("1952").doesNotContain("72");
	}

	@Test
	void namesTheTopicAndItsDeadLetterTopic() {
		assertThat(Topics.USERS).isEqualTo("users_topic");
		assertThat(Topics.deadLetter(Topics.USERS)).isEqualTo("users_topic-dlt");
	}

}
