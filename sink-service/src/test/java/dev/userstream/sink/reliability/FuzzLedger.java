package dev.userstream.sink.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.userstream.sink.reliability.FuzzRecords.Expect;
import dev.userstream.sink.reliability.FuzzRecords.FuzzRecord;
import dev.userstream.sink.reliability.FuzzRecords.Kind;

/**
 * Accounts for every sent record: stored (its canonical id in the table and in the bucket) or
 * dead-lettered (a dead letter naming its partition and offset), exactly one of the two, as its
 * {@link Expect} allows; and checks the stores hold each user once, under its canonical id.
 */
final class FuzzLedger {

	/**
	 * A record as sent.
	 *
	 * @param record what was sent
	 * @param offset where the broker put it (in {@code record.partition()})
	 */
	record Sent(FuzzRecord record, long offset) {

		String where() {
			return this.record.partition() + "@" + this.offset;
		}

	}

	/**
	 * A record of the dead-letter topic, by the original position its headers name.
	 *
	 * @param partition original partition, -1 if the header is missing
	 * @param offset original offset, -1 if the header is missing
	 * @param reason the {@code userstream-dlt-reason} header, {@code null} if missing
	 */
	record DeadLetter(int partition, long offset, String reason) {
	}

	/**
	 * An object of the bucket.
	 *
	 * @param day the {@code dt=} part of its key
	 * @param userId the user id in its key, as stored
	 * @param version the version in its key (time and hash of the content)
	 */
	record StoredObject(String day, String userId, String version) {
	}

	private final List<Sent> sent;

	private final Map<String, List<DeadLetter>> deadLetters;

	private final Map<String, Long> rows;

	private final Map<String, Long> objects;

	/** Violation class → the records or ids that show it. */
	private final Map<String, List<String>> violations = new TreeMap<>();

	/** Per kind: outcome → how many. */
	private final Map<Kind, Map<String, Integer>> outcomes = new TreeMap<>();

	/** Per partition, the group's committed offset: records at or after it are pending, not lost. */
	private final Map<Integer, Long> committed;

	FuzzLedger(List<Sent> sent, Map<Integer, Long> committed, List<DeadLetter> deadLetters, List<String> rowIds,
			List<StoredObject> storedObjects) {
		this.sent = sent;
		this.committed = committed;
		this.deadLetters = deadLetters.stream().collect(Collectors.groupingBy((d) -> d.partition() + "@" + d.offset()));
		this.rows = rowIds.stream().collect(Collectors.groupingBy(FuzzLedger::canonical, Collectors.counting()));
		this.objects = storedObjects.stream().collect(Collectors.groupingBy((o) -> canonical(o.userId()), Collectors.counting()));
		checkStores(rowIds, storedObjects);
		checkRecords();
		checkDeadLetters(deadLetters);
	}

	private static String canonical(String id) {
		return id.toLowerCase(Locale.ROOT);
	}

	private void checkStores(List<String> rowIds, List<StoredObject> storedObjects) {
		this.rows.forEach((id, n) -> {
			if (n > 1) {
				violation("stored twice in the table (one row per user id, compared case-insensitively)", id + " x" + n);
			}
		});
		storedObjects.stream()
			.collect(Collectors.groupingBy((o) -> o.day() + "/" + canonical(o.userId()) + "/" + o.version(), Collectors.counting()))
			.forEach((key, n) -> {
				if (n > 1) {
					violation("stored twice in the bucket (one object per version of a user)", key + " x" + n);
				}
			});
		rowIds.stream().filter((id) -> !id.equals(canonical(id)))
			.forEach((id) -> violation("table row under a non-canonical (upper-case) user id", id));
		storedObjects.stream().filter((o) -> !o.userId().equals(canonical(o.userId())))
			.forEach((o) -> violation("bucket object under a non-canonical (upper-case) user id", o.day() + "/" + o.userId()));
		Set<String> accounted = this.sent.stream()
			.filter((s) -> !deadLettered(s) && s.record().expectedId() != null)
			.map((s) -> s.record().expectedId())
			.collect(Collectors.toSet());
		Set<String> stored = new HashSet<>(this.rows.keySet());
		stored.addAll(this.objects.keySet());
		stored.stream().filter((id) -> !accounted.contains(id))
			.forEach((id) -> violation("stored user that no stored record accounts for (dead-lettered, or never sent)", id));
	}

	private void checkRecords() {
		for (Sent each : this.sent) {
			FuzzRecord record = each.record();
			String id = record.expectedId();
			boolean inTable = id != null && this.rows.containsKey(id);
			boolean inBucket = id != null && this.objects.containsKey(id);
			int letters = this.deadLetters.getOrDefault(each.where(), List.of()).size();
			boolean pending = each.offset() >= this.committed.getOrDefault(record.partition(), 0L);
			String outcome = (letters > 0) ? "dead-lettered" : (inTable && inBucket) ? "stored"
					: (inTable || inBucket) ? "one store only" : pending ? "pending (not committed)" : "neither";
			this.outcomes.computeIfAbsent(record.kind(), (k) -> new LinkedHashMap<>()).merge(outcome, 1, Integer::sum);
			if (letters > 1) {
				violation("dead-lettered more than once", describe(each) + " x" + letters);
			}
			if (outcome.equals("neither")) {
				violation("committed but neither stored nor dead-lettered (lost)", describe(each));
			}
			else if (outcome.equals("one store only")) {
				violation("stored in one store only (" + (inTable ? "table" : "bucket") + ")", describe(each));
			}
			else if (outcome.equals("dead-lettered") && record.expect() == Expect.STORE) {
				violation("valid record dead-lettered", describe(each) + " reason=" + this.deadLetters.get(each.where()).get(0).reason());
			}
			else if (outcome.equals("stored") && record.expect() == Expect.DEAD_LETTER) {
				violation("invalid record stored", describe(each));
			}
		}
	}

	private void checkDeadLetters(List<DeadLetter> all) {
		Set<String> positions = this.sent.stream().map(Sent::where).collect(Collectors.toSet());
		for (DeadLetter letter : all) {
			if (letter.reason() == null || letter.reason().isBlank()) {
				violation("dead letter without a userstream-dlt-reason header", letter.partition() + "@" + letter.offset());
			}
			if (!positions.contains(letter.partition() + "@" + letter.offset())) {
				violation("dead letter of no sent record", letter.toString());
			}
		}
	}

	private boolean deadLettered(Sent each) {
		return this.deadLetters.containsKey(each.where());
	}

	/** Per partition: the valid records after its first invalid one that were not stored. */
	Map<Integer, List<String>> goodAfterBadNotStored() {
		Map<Integer, List<String>> missing = new TreeMap<>();
		Map<Integer, Long> firstBad = new HashMap<>();
		for (Sent each : this.sent) {
			FuzzRecord record = each.record();
			if (record.expect() == Expect.DEAD_LETTER) {
				firstBad.merge(record.partition(), each.offset(), Math::min);
			}
		}
		for (Sent each : this.sent) {
			FuzzRecord record = each.record();
			Long bad = firstBad.get(record.partition());
			if (record.kind() == Kind.VALID && bad != null && each.offset() > bad
					&& !(this.rows.containsKey(record.expectedId()) && this.objects.containsKey(record.expectedId()))) {
				missing.computeIfAbsent(record.partition(), (p) -> new ArrayList<>()).add(each.where());
			}
		}
		return missing;
	}

	private void violation(String kind, String example) {
		this.violations.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(example);
	}

	private static String describe(Sent each) {
		return each.record().kind() + " " + each.where() + " value=" + FuzzRecords.preview(each.record().value(), 200);
	}

	/** Violation class → examples. */
	Map<String, List<String>> violations() {
		return this.violations;
	}

	/** Per kind, how many records were sent, stored, dead-lettered, in one store only, or neither. */
	String outcomes() {
		Map<Kind, Long> counts = this.sent.stream().collect(Collectors.groupingBy((s) -> s.record().kind(), TreeMap::new, Collectors.counting()));
		return counts.entrySet().stream()
			.map((e) -> String.format("  %-30s %5d  %s", e.getKey(), e.getValue(), this.outcomes.get(e.getKey())))
			.collect(Collectors.joining("\n"));
	}

	/** Dead letters by reason. */
	Map<String, Long> reasons() {
		return this.deadLetters.values().stream().flatMap(List::stream)
			.collect(Collectors.groupingBy((d) -> String.valueOf(d.reason()), TreeMap::new, Collectors.counting()));
	}

}
