package dev.userstream.model;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the original Python producer sent (encrypted by Python's cryptography.fernet) reads and
 * decrypts here: Python to Java compatibility on real messages.
 */
class OriginalProducerRecordsTests {

	private final Fernet fernet = Fernet.fromProperty(Fixtures.originalKey(), "key.txt");

	@Test
	void decryptsTheOriginalProducersFields() {
		List<String> messages = Fixtures.originalMessages();
		JsonNode plaintexts = Fixtures.originalPlaintexts();
		assertThat(messages).hasSize(plaintexts.size()).hasSize(3);

		for (int i = 0; i < messages.size(); i++) {
			UserRecord record = UserRecordJson.read(messages.get(i));
			JsonNode expected = plaintexts.get(i);
			assertThat(record.name()).isEqualTo(expected.get("name").stringValue());
			assertThat(this.fernet.decryptToString(record.email())).isEqualTo(expected.get("email").stringValue());
			assertThat(this.fernet.decryptToString(record.username())).isEqualTo(expected.get("username").stringValue());
			assertThat(this.fernet.decryptToString(record.password())).isEqualTo(expected.get("password").stringValue());
			assertThat(record.dob().date()).startsWith(expected.get("dob_date").stringValue());
			assertThat(record.dob().age()).isEqualTo(expected.get("dob_age").intValue());
		}
	}

	@Test
	void readsTheOriginalFormatWithoutTheNewFields() {
		UserRecord record = UserRecordJson.read(Fixtures.originalMessages().get(2));

		assertThat(record.userId()).isNull();
		assertThat(record.source()).isNull();
		assertThat(record.producedAt()).isNull();
		assertThat(record.schemaVersion()).isNull();
		assertThat(record.state()).isEqualTo("Kırşehir");
		assertThat(record.dob().date()).isEqualTo("1988-02-29T12:00:00.000Z");
	}

	@Test
	void seesTheOriginalTokensAsWellFormedAndAuthentic() {
		for (String message : Fixtures.originalMessages()) {
			UserRecord record = UserRecordJson.read(message);
			for (String token : List.of(record.email(), record.username(), record.password())) {
				Fernet.checkWellFormed(token);
				assertThat(this.fernet.isAuthentic(token)).isTrue();
			}
		}
	}

}
