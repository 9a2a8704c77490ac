package dev.userstream.producer.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.userstream.producer.source.SourceUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngestUserConverterTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

	/** Users with an id: the derived ids are DerivedUserIdsTests' and UserIngestIntegrationTests' concern. */
	final IngestUserConverter converter = new IngestUserConverter(null, CLOCK);

	@Test
	void keepsTheWholeNameLowerCasesTheIdAndPutsTheDateInRandomusersShape() {
		SourceUser user = this.converter.convert(user("1990-04-01T07:36:45.6+02:00", 36));

		assertThat(user.userId()).isEqualTo("2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88");
		assertThat(user.fullName()).isEqualTo("Ada King Lovelace");
		assertThat(user.dobDate()).isEqualTo("1990-04-01T05:36:45.600Z");
		assertThat(user.age()).isEqualTo(36);
	}

	@Test
	void computesTheAgeWhenAbsent() {
		assertThat(this.converter.convert(user("1990-11-30", null)).age()).isEqualTo(36);
		assertThat(this.converter.convert(user("1990-12-01", null)).age()).isEqualTo(35);
		assertThat(this.converter.convert(user("1990-12-01", null)).dobDate()).isEqualTo("1990-12-01T00:00:00.000Z");
	}

	private static IngestUser user(String dobDate, Integer age) {
		return new IngestUser("2A9CB0F5-CBE0-4AAB-9561-C2D3C934AA88", "Ada King Lovelace", "female", "United Kingdom",
				"London", "London", "ada@example.org", new IngestUser.Dob(dobDate, age), "ada", "secret");
	}

}
