package dev.userstream.producer.ingest;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code POST /api/users} reads types as strictly as the sink reads the wire record: a value of
 * another JSON type is refused at its field instead of coerced, and unknown fields are ignored.
 */
class UserBatchReaderTests {

	static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

	final UserBatchReader reader = new UserBatchReader(JsonMapper.builder().build(), VALIDATION.getValidator());

	@AfterAll
	static void close() {
		VALIDATION.close();
	}

	@Test
	void refusesAStringForTheAgeAndANumberForTheName() {
		assertThatExceptionOfType(InvalidUsersException.class)
			.isThrownBy(() -> read(user("\"Ada Lovelace\"", "\"33\"") + "," + user("7", "33")))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("[0].dob.age", "[1].name"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::message).containsOnly("has the wrong type"));
	}

	@Test
	void refusesAFractionForTheAge() {
		assertThatExceptionOfType(InvalidUsersException.class).isThrownBy(() -> read(user("\"Ada Lovelace\"", "1.5")))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("[0].dob.age"));
	}

	@Test
	void readsAWellTypedUserAndIgnoresUnknownFields() {
		String user = user("\"Ada Lovelace\"", "33").replace("{\"name\"", "{\"nickname\": \"ada\", \"name\"");
		assertThat(read(user)).singleElement().satisfies((read) -> {
			assertThat(read.name()).isEqualTo("Ada Lovelace");
			assertThat(read.dob().age()).isEqualTo(33);
		});
	}

	private java.util.List<IngestUser> read(String users) {
		return this.reader.read(("[" + users + "]").getBytes(StandardCharsets.UTF_8));
	}

	private static String user(String name, String age) {
		return """
				{"name": %s, "gender": "female", "country": "United Kingdom", "state": "London", "city": "London",
				 "email": "ada@example.org", "dob": {"date": "1990-04-01", "age": %s}, "username": "ada", "password": "pw"}"""
			.formatted(name, age);
	}

}
