package dev.userstream.producer.source;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.datafaker.Faker;

/**
 * Generates users offline with Datafaker: names, cities and regions from one of 37 locales (Latin
 * with diacritics, Cyrillic, CJK, Hangul, Armenian, Georgian...), the country that goes with the
 * locale, randomuser-shaped dates of birth, {@code example.com} addresses. The same seed gives the
 * same users (ages follow the clock's date). Not thread-safe on its own: {@link #fetch} is
 * synchronized.
 */
final class SyntheticUserSource implements UserSource {

	/** Locales whose Datafaker data has native names, cities and regions (checked one by one). */
	static final List<Locale> LOCALES = List.of("en-US", "en-CA", "en-AU", "en-IN", "en-NZ", "en-ZA", "en-PK",
			"de-DE", "de-AT", "de-CH", "fr-FR", "es-ES", "es-MX", "es-AR", "it-IT", "pt-BR", "pt-PT", "nl-NL", "sv-SE",
			"nb-NO", "da-DK", "fi-FI", "pl-PL", "cs-CZ", "sk-SK", "hu-HU", "hr-HR", "lv-LV", "et-EE", "ru-RU", "uk-UA",
			"be-BY", "uz-UZ", "hy-AM", "ka-GE", "ja-JP", "zh-CN", "ko-KR").stream().map(Locale::forLanguageTag).toList();

	private static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final long OLDEST = Instant.parse("1940-01-01T00:00:00Z").toEpochMilli();

	private static final long YOUNGEST = Instant.parse("2006-12-31T23:59:59.999Z").toEpochMilli();

	private final Random random;

	private final Clock clock;

	private final Faker english;

	private final Map<Locale, Faker> fakers = new HashMap<>();

	SyntheticUserSource(long seed, Clock clock) {
		this.random = new Random(seed);
		this.clock = clock;
		this.english = new Faker(Locale.US, new Random(this.random.nextLong()));
	}

	@Override
	public String name() {
		return "synthetic";
	}

	@Override
	public synchronized List<SourceUser> fetch(int count) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<SourceUser> users = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			users.add(next(today));
		}
		return users;
	}

	private SourceUser next(LocalDate today) {
		Locale locale = LOCALES.get(this.random.nextInt(LOCALES.size()));
		Faker local = this.fakers.computeIfAbsent(locale, (key) -> new Faker(key, new Random(this.random.nextLong())));
		String first = local.name().firstName();
		String last = local.name().lastName();
		Instant dob = Instant.ofEpochMilli(OLDEST + (long) (this.random.nextDouble() * (YOUNGEST - OLDEST)));
		return new SourceUser(uuid(), first, last, this.random.nextBoolean() ? "female" : "male",
				locale.getDisplayCountry(Locale.ENGLISH), local.address().state(), local.address().city(),
				email(first, last), DOB.format(dob), Period.between(LocalDate.ofInstant(dob, ZoneOffset.UTC), today).getYears(),
				username(), this.english.internet().password(6, 16, true, false, true));
	}

	/** A version-4 UUID from the seeded generator, so that runs are reproducible. */
	private String uuid() {
		long high = (this.random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (this.random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low).toString();
	}

	/** Like randomuser's {@code first.last@example.com}, ASCII only; {@code example.com} never delivers. */
	private String email(String first, String last) {
		String local = ascii(first) + "." + ascii(last);
		if (local.length() < 3) {
			local = "user" + (100_000 + this.random.nextInt(900_000));
		}
		return local + "@example.com";
	}

	/** Like randomuser's {@code greenbutterfly827}. */
	private String username() {
		return ascii(this.english.color().name()) + ascii(this.english.animal().name()) + (100 + this.random.nextInt(900));
	}

	private static String ascii(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
