package dev.userstream.sink.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;

/**
 * The fuzz test's records: valid users interleaved with hostile ones of every {@link Kind}, on
 * explicit partitions, a pure function of the seed. Each partition ends with valid records, so each
 * has good records after bad ones. Each record says what the sink must do with it and under which
 * (canonical, lower-case) user id it is stored if it is stored.
 */
final class FuzzRecords {

	/** Valid records at the end of each partition. */
	static final int TAIL = 20;

	/** What the sink must do with a record. */
	enum Expect {

		/** a valid user: stored, never dead-lettered */
		STORE,
		/** not a user: dead-lettered, never stored */
		DEAD_LETTER,
		/** either is right, as long as it is exactly one of them */
		EITHER

	}

	/** What a record is made of; its default {@link Expect} (a few kinds decide per record). */
	enum Kind {

		VALID(Expect.STORE), NO_KEY(Expect.EITHER), HUGE_KEY(Expect.EITHER), AT_COLUMN_LIMITS(Expect.STORE),
		FOUR_BYTE_UTF8(Expect.STORE), HOSTILE_TEXT(Expect.STORE), OVER_COLUMN_LIMITS(Expect.DEAD_LETTER),
		OVER_LIMIT_IN_UTF16_ONLY(Expect.EITHER), LONE_SURROGATE(Expect.DEAD_LETTER), CONTROL_CHARACTERS(Expect.DEAD_LETTER),
		C1_CONTROLS(Expect.EITHER), UPPER_CASE_ID(Expect.STORE), CASE_TWINS_IN_BATCH(Expect.STORE),
		CASE_TWINS_ACROSS_PARTITIONS(Expect.STORE), SAME_ID_TWICE_IN_BATCH(Expect.STORE), SAME_ID_LATER(Expect.STORE),
		ORIGINAL_FORMAT(Expect.STORE), TOP_LEVEL_NOT_OBJECT(Expect.DEAD_LETTER), EMPTY_VALUE(Expect.DEAD_LETTER),
		TOMBSTONE(Expect.DEAD_LETTER), BROKEN_UTF8(Expect.EITHER), BOM_OR_UTF16(Expect.EITHER),
		DUPLICATE_KEYS(Expect.EITHER), HUGE_NUMBERS(Expect.EITHER), OUT_OF_RANGE_NUMBERS(Expect.DEAD_LETTER),
		DEEP_NESTING(Expect.EITHER), EDGE_DATES(Expect.STORE), DATES_DB_REJECTS(Expect.DEAD_LETTER),
		ODD_DATES(Expect.EITHER), DROPPED_FIELD(Expect.EITHER), WRONG_TYPE(Expect.EITHER),
		FLIPPED_TOKEN(Expect.EITHER), FOREIGN_KEY_TOKEN(Expect.DEAD_LETTER), BAD_ID(Expect.DEAD_LETTER),
		TRUNCATED(Expect.DEAD_LETTER), FLIPPED_BIT(Expect.EITHER), TRAILING_DATA(Expect.EITHER),
		RANDOM_JSON(Expect.DEAD_LETTER), RANDOM_BYTES(Expect.DEAD_LETTER);

		final Expect expect;

		Kind(Expect expect) {
			this.expect = expect;
		}

	}

	/**
	 * One record to send.
	 *
	 * @param kind what it is made of
	 * @param partition where it goes
	 * @param key the Kafka key ({@code null}: none)
	 * @param value the Kafka value ({@code null}: a tombstone)
	 * @param expect what the sink must do with it
	 * @param expectedId the canonical user id it is stored under, if it is stored; {@code null} when it cannot be
	 */
	record FuzzRecord(Kind kind, int partition, String key, byte[] value, Expect expect, String expectedId) {
	}

	/** A record before it has a partition. */
	record Draft(Kind kind, String key, byte[] value, Expect expect) {

		Draft(Kind kind, String key, byte[] value) {
			this(kind, key, value, kind.expect);
		}

	}

	private FuzzRecords() {
	}

	/** The kinds named by {@code spec}: empty or {@code all} for all, {@code A,B} for those, {@code !A,B} for all but those. */
	static Set<Kind> kinds(String spec) {
		if (spec == null || spec.isBlank() || spec.equals("all")) {
			return EnumSet.allOf(Kind.class);
		}
		boolean except = spec.startsWith("!");
		Set<Kind> named = Arrays.stream(spec.replace("!", "").split(","))
			.map((name) -> Kind.valueOf(name.strip().toUpperCase(Locale.ROOT)))
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
		Set<Kind> kinds = except ? EnumSet.complementOf(EnumSet.copyOf(named)) : named;
		kinds.add(Kind.VALID);
		return kinds;
	}

	/** About half valid records, the rest hostile ones of {@code kinds}, then {@link #TAIL} valid ones per partition. */
	static List<FuzzRecord> generate(FuzzUsers users, SplittableRandom random, int count, int partitions, Set<Kind> kinds) {
		List<Kind> hostile = kinds.stream().filter((kind) -> kind != Kind.VALID).toList();
		FuzzMutations mutations = new FuzzMutations(users, random);
		List<FuzzRecord> records = new ArrayList<>(count);
		TreeMap<Integer, List<FuzzRecord>> later = new TreeMap<>();
		while (records.size() < count - TAIL * partitions) {
			Map<Integer, List<FuzzRecord>> due = later.headMap(records.size(), true);
			due.values().forEach(records::addAll);
			due.clear();
			Kind kind = (hostile.isEmpty() || random.nextBoolean()) ? Kind.VALID : hostile.get(random.nextInt(hostile.size()));
			List<Draft> drafts = mutations.make(kind);
			int partition = random.nextInt(partitions);
			for (int i = 0; i < drafts.size(); i++) {
				int p = (kind == Kind.CASE_TWINS_ACROSS_PARTITIONS && i > 0) ? (partition + 1 + random.nextInt(partitions - 1)) % partitions
						: partition;
				FuzzRecord record = record(drafts.get(i), p);
				if (kind == Kind.SAME_ID_LATER && i > 0) {
					later.computeIfAbsent(records.size() + 700 + random.nextInt(1500), (at) -> new ArrayList<>()).add(record);
				}
				else {
					records.add(record);
				}
			}
		}
		later.values().forEach(records::addAll);
		for (int p = 0; p < partitions; p++) {
			for (int i = 0; i < TAIL; i++) {
				records.add(record(mutations.make(Kind.VALID).get(0), p));
			}
		}
		return records;
	}

	private static FuzzRecord record(Draft draft, int partition) {
		return new FuzzRecord(draft.kind(), partition, draft.key(), draft.value(), draft.expect(), expectedId(draft.value()));
	}

	/**
	 * The id the value is stored under if it is stored: its {@code user_id} in lower case, or, for a record
	 * without one (the original producer's format), the name-based UUID of its bytes. Read with the contract's
	 * own mapper, so a value it cannot read has none.
	 */
	static String expectedId(byte[] value) {
		if (value == null) {
			return null;
		}
		try {
			UserRecord record = UserRecordJson.read(value);
			if (record == null) {
				return null;
			}
			return (record.userId() != null) ? record.userId().toLowerCase(Locale.ROOT) : UUID.nameUUIDFromBytes(value).toString();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The value as text a human can read and paste: printable ASCII as is, everything else escaped; long values cut. */
	static String preview(byte[] value, int limit) {
		if (value == null) {
			return "null (tombstone)";
		}
		StringBuilder text = new StringBuilder("\"");
		for (int i = 0; i < Math.min(value.length, limit); i++) {
			int b = value[i] & 0xFF;
			if (b >= 0x20 && b < 0x7F && b != '\\' && b != '"') {
				text.append((char) b);
			}
			else {
				text.append(String.format("\\x%02x", b));
			}
		}
		text.append('"');
		return (value.length > limit) ? text + "... (" + value.length + " bytes)" : text.toString();
	}

}
