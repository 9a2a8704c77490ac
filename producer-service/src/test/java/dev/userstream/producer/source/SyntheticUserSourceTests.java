package dev.userstream.producer.source;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticUserSourceTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:02:03Z"), ZoneOffset.UTC);

	@Test
	void givesTheSameUsersForTheSameSeed() {
		assertThat(new SyntheticUserSource(42, CLOCK).fetch(200)).isEqualTo(new SyntheticUserSource(42, CLOCK).fetch(200));
	}

	@Test
	void givesOtherUsersForAnotherSeedAndOnEachFetch() {
		SyntheticUserSource source = new SyntheticUserSource(42, CLOCK);
		List<SourceUser> first = source.fetch(50);

		assertThat(source.fetch(50)).doesNotContainAnyElementsOf(first);
		assertThat(new SyntheticUserSource(43, CLOCK).fetch(50)).doesNotContainAnyElementsOf(first);
	}

	@Test
	void variesCountriesAndScriptsLikeRandomUser() {
		List<SourceUser> users = new SyntheticUserSource(7, CLOCK).fetch(1000);

		assertThat(users.stream().map(SourceUser::country).distinct().count()).isGreaterThanOrEqualTo(25);
		assertThat(users).anyMatch((user) -> user.lastName().codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC));
		assertThat(users).anyMatch((user) -> user.firstName().codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
		assertThat(users).anyMatch((user) -> user.firstName().codePoints().anyMatch((c) -> c > 0x7F && Character.isLetter(c)
				&& Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN));
		assertThat(users.stream().map(SourceUser::gender).collect(Collectors.toSet())).containsExactlyInAnyOrder("male", "female");
	}

	@Test
	void fillsEveryFieldInRandomUsersShapes() {
		LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
		for (SourceUser user : new SyntheticUserSource(11, CLOCK).fetch(500)) {
			assertThat(UUID.fromString(user.userId()).version()).isEqualTo(4);
			assertThat(List.of(user.firstName(), user.lastName(), user.country(), user.state(), user.city(), user.username(),
					user.password())).allSatisfy((field) -> assertThat(field).isNotBlank());
			assertThat(user.email()).matches("[a-z0-9.]+@example\\.com");
			assertThat(user.dobDate()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
			LocalDate born = LocalDate.ofInstant(Instant.parse(user.dobDate()), ZoneOffset.UTC);
			assertThat(user.age()).isEqualTo(Period.between(born, today).getYears()).isBetween(18, 90);
		}
	}

	@Test
	void neverRepeatsAUserId() {
		Set<String> ids = new SyntheticUserSource(3, CLOCK).fetch(5000).stream().map(SourceUser::userId).collect(Collectors.toSet());
		assertThat(ids).hasSize(5000);
	}

	@Test
	void namesItselfSynthetic() {
		assertThat(new SyntheticUserSource(1, CLOCK).name()).isEqualTo("synthetic");
	}

}
