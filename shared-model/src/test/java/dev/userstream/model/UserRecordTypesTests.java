package dev.userstream.model;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The wire types are strict: a value of another JSON type is a mismatch at that field, never coerced
 * (the sink dead-letters it as {@code invalid_field}); unknown fields are still ignored.
 */
class UserRecordTypesTests {

	private static final String RECORD = "{\"user_id\":\"2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88\",\"name\":\"Bently Martin\","
			+ "\"gender\":\"male\",\"country\":\"Canada\",\"state\":\"Yukon\",\"city\":\"Aylmer\",\"email\":\"gAAAAABn-email\","
			+ "\"dob\":{\"date\":\"1952-10-10T07:36:45.668Z\",\"age\":72},\"username\":\"gAAAAABn-username\","
			+ "\"password\":\"gAAAAABn-password\",\"source\":\"randomuser\",\"produced_at\":\"2026-11-22T01:02:03.456Z\","
			+ "\"schema_version\":1}";

	static Stream<Arguments> mismatches() {
		return Stream.of(
				Arguments.of("a string where a number belongs", "\"age\":72", "\"age\":\"33\"", "dob.age"),
				Arguments.of("a fraction where an integer belongs", "\"age\":72", "\"age\":1.5", "dob.age"),
				Arguments.of("a whole fraction where an integer belongs", "\"age\":72", "\"age\":72.0", "dob.age"),
				Arguments.of("a boolean where a number belongs", "\"age\":72", "\"age\":true", "dob.age"),
				Arguments.of("an object where a number belongs", "\"age\":72", "\"age\":{}", "dob.age"),
				Arguments.of("an array where a number belongs", "\"age\":72", "\"age\":[72]", "dob.age"),
				Arguments.of("a number too large for an integer", "\"age\":72", "\"age\":99999999999", "dob.age"),
				Arguments.of("a number where a string belongs", "\"name\":\"Bently Martin\"", "\"name\":7", "name"),
				Arguments.of("a fraction where a string belongs", "\"city\":\"Aylmer\"", "\"city\":7.5", "city"),
				Arguments.of("a boolean where a string belongs", "\"gender\":\"male\"", "\"gender\":false", "gender"),
				Arguments.of("an object where a string belongs", "\"name\":\"Bently Martin\"", "\"name\":{\"first\":\"B\"}", "name"),
				Arguments.of("an array where a string belongs", "\"email\":\"gAAAAABn-email\"", "\"email\":[\"gAAAAABn-email\"]", "email"),
				Arguments.of("a number where a date string belongs", "\"date\":\"1952-10-10T07:36:45.668Z\"", "\"date\":-543000000", "dob.date"),
				Arguments.of("a string where the version number belongs", "\"schema_version\":1", "\"schema_version\":\"1\"", "schema_version"),
				Arguments.of("a number where the instant string belongs", "\"produced_at\":\"2026-11-22T01:02:03.456Z\"",
						"\"produced_at\":1795309323", "produced_at"),
				Arguments.of("digits where the instant string belongs", "\"produced_at\":\"2026-11-22T01:02:03.456Z\"",
						"\"produced_at\":\"1795309323\"", "produced_at"),
				Arguments.of("an instant without offset", "\"produced_at\":\"2026-11-22T01:02:03.456Z\"",
						"\"produced_at\":\"2026-11-22T01:02:03.456\"", "produced_at"),
				Arguments.of("a string where the dob object belongs", "\"dob\":{\"date\":\"1952-10-10T07:36:45.668Z\",\"age\":72}",
						"\"dob\":\"1952-10-10\"", "dob"),
				Arguments.of("an array where the dob object belongs", "\"dob\":{\"date\":\"1952-10-10T07:36:45.668Z\",\"age\":72}",
						"\"dob\":[]", "dob"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mismatches")
	void rejectsAValueOfAnotherTypeNamingTheFieldNeverTheValue(String what, String field, String replacement, String wireName) {
		assertThat(RECORD).contains(field);
		String json = RECORD.replace(field, replacement);

		JacksonException ex = catchThrowableOfType(JacksonException.class, () -> UserRecordJson.read(json));

		assertThat(ex).as(what).isNotNull();
		assertThat(UserRecordJson.mismatchedField(ex)).as(what).isEqualTo(wireName);
	}

	@Test
	void rejectsTrailingDataAfterTheRecordAsNoFieldsFault() {
		JacksonException ex = catchThrowableOfType(JacksonException.class, () -> UserRecordJson.read(RECORD + " {}"));

		assertThat(ex).isInstanceOf(MismatchedInputException.class);
		assertThat(UserRecordJson.mismatchedField(ex)).isNull();
	}

	@Test
	void rejectsAnotherTypeThanAnObjectAsNoFieldsFault() {
		for (String json : List.of("[" + RECORD + "]", "\"a user\"", "7", "true")) {
			JacksonException ex = catchThrowableOfType(JacksonException.class, () -> UserRecordJson.read(json));
			assertThat(ex).as(json).isNotNull();
			assertThat(UserRecordJson.mismatchedField(ex)).as(json).isNull();
		}
	}

	@Test
	void readsNullsUnknownFieldsOfAnyTypeAndWhitespace() {
		String json = "\n " + RECORD.replace("\"gender\":\"male\"", "\"gender\":null")
			.replace("\"name\":", "\"nickname\":7,\"tags\":[1,\"x\"],\"profile\":{\"age\":\"33\"},\"name\":") + " \n";

		UserRecord record = UserRecordJson.read(json);

		assertThat(record.gender()).isNull();
		assertThat(record.name()).isEqualTo("Bently Martin");
		assertThat(record.dob().age()).isEqualTo(72);
		assertThat(record.schemaVersion()).isEqualTo(1);
	}

	@Test
	void namesNoFieldForASyntaxError() {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> UserRecordJson.read("{\"name\": \"Bently"))
			.satisfies((ex) -> assertThat(UserRecordJson.mismatchedField(ex)).isNull());
	}

}
