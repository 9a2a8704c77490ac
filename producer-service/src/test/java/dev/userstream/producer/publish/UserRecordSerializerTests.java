package dev.userstream.producer.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.userstream.model.UserRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserRecordSerializerTests {

	@Test
	void writesTheContractsSnakeCaseJson() {
		UserRecord record = new UserRecord("2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88", "Bently Martin", "male", "Canada",
				"Yukon", "Aylmer", "gAAAAABe", new UserRecord.Dob("1952-10-10T07:36:45.668Z", 72), "gAAAAABu", "gAAAAABp",
				"randomuser", Instant.parse("2026-11-22T01:02:03.456Z"), 1);

		byte[] json = new UserRecordSerializer().serialize("users_topic", record);

		assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"user_id\":\"2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88\","
				+ "\"name\":\"Bently Martin\",\"gender\":\"male\",\"country\":\"Canada\",\"state\":\"Yukon\",\"city\":\"Aylmer\","
				+ "\"email\":\"gAAAAABe\",\"dob\":{\"date\":\"1952-10-10T07:36:45.668Z\",\"age\":72},\"username\":\"gAAAAABu\","
				+ "\"password\":\"gAAAAABp\",\"source\":\"randomuser\",\"produced_at\":\"2026-11-22T01:02:03.456Z\","
				+ "\"schema_version\":1}");
	}

	@Test
	void writesNullAsNull() {
		assertThat(new UserRecordSerializer().serialize("users_topic", null)).isNull();
	}

}
