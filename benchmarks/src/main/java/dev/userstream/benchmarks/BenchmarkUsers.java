package dev.userstream.benchmarks;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;
import dev.userstream.model.UserRecord;

/**
 * The rows every part of a run uses: wire records as the producer makes them (three Fernet-encrypted
 * fields, randomuser's date shape), from a fixed seed.
 */
final class BenchmarkUsers {

	private static final String[] FIRST = { "Bently", "Amelia", "Noah", "Léa", "Mateo", "Sofia", "Arjun", "Yuki", "Olumide", "Freya" };

	private static final String[] LAST = { "Martin", "Smith", "García", "Müller", "Rossi", "Kowalski", "Tanaka", "Okafor", "Silva", "Nielsen" };

	private static final String[][] PLACES = { { "Canada", "Yukon", "Aylmer" }, { "Germany", "Bayern", "Würzburg" },
			{ "Brazil", "Paraná", "Curitiba" }, { "Norway", "Vestland", "Bergen" }, { "India", "Kerala", "Kochi" } };

	private static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

	private BenchmarkUsers() {
	}

	static List<UserRecord> generate(int count, long seed) {
		Random random = new Random(seed);
		Fernet fernet = Fernet.of(List.of(FernetKey.generate(new SecureRandom())));
		Instant now = Instant.now();
		List<UserRecord> users = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String first = FIRST[random.nextInt(FIRST.length)];
			String last = LAST[random.nextInt(LAST.length)];
			String[] place = PLACES[random.nextInt(PLACES.length)];
			int age = 18 + random.nextInt(70);
			Instant dob = now.minusSeconds(age * 31_557_600L + random.nextInt(31_000_000));
			String login = (first + last).toLowerCase() + i;
			users.add(new UserRecord(new UUID(random.nextLong(), random.nextLong()).toString(), first + " " + last,
					random.nextBoolean() ? "female" : "male", place[0], place[1], place[2],
					fernet.encrypt(login + "@example.com"), new UserRecord.Dob(DOB.format(dob), age), fernet.encrypt(login),
					fernet.encrypt(Long.toHexString(random.nextLong())), "synthetic", now, UserRecord.CURRENT_SCHEMA_VERSION));
		}
		return users;
	}

}
