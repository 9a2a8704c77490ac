package dev.userstream.producer.job;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.userstream.model.Fernet;
import dev.userstream.model.UserRecord;
import dev.userstream.producer.TestKeys;
import dev.userstream.producer.source.SourceUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserRecordMapperTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:02:03.456789Z"), ZoneOffset.UTC);

	static final SourceUser BENTLY = new SourceUser("2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88", "Bently", "Martin", "male",
			"Canada", "Yukon", "Aylmer", "bently.martin@example.com", "1952-10-10T07:36:45.668Z", 72, "greenbutterfly827",
			"elvis1");

	@Test
	void mapsEveryFieldAsTheContractSays() {
		UserRecordMapper mapper = new UserRecordMapper((plaintext) -> "enc:" + plaintext, CLOCK);

		List<UserRecord> records = mapper.map(List.of(BENTLY), "randomuser");

		assertThat(records).singleElement().usingRecursiveComparison().isEqualTo(new UserRecord(
				"2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88", "Bently Martin", "male", "Canada", "Yukon", "Aylmer",
				"enc:bently.martin@example.com", new UserRecord.Dob("1952-10-10T07:36:45.668Z", 72), "enc:greenbutterfly827",
				"enc:elvis1", "randomuser", Instant.parse("2026-11-22T01:02:03.456Z"), UserRecord.CURRENT_SCHEMA_VERSION));
	}

	@Test
	void encryptsTheThreeSensitiveFieldsSoThatTheKeyHolderGetsThemBack() {
		String key = TestKeys.generate();
		Fernet fernet = Fernet.fromProperty(key, "test");
		UserRecordMapper mapper = new UserRecordMapper(fernet::encrypt, CLOCK);

		UserRecord record = mapper.map(List.of(BENTLY), "synthetic").get(0);

		assertThat(fernet.decryptToString(record.email())).isEqualTo("bently.martin@example.com");
		assertThat(fernet.decryptToString(record.username())).isEqualTo("greenbutterfly827");
		assertThat(fernet.decryptToString(record.password())).isEqualTo("elvis1");
		assertThat(record.source()).isEqualTo("synthetic");
	}

}
