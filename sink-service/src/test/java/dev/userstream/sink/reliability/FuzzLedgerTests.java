package dev.userstream.sink.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.userstream.sink.reliability.FuzzLedger.DeadLetter;
import dev.userstream.sink.reliability.FuzzLedger.Sent;
import dev.userstream.sink.reliability.FuzzLedger.StoredObject;
import dev.userstream.sink.reliability.FuzzRecords.Expect;
import dev.userstream.sink.reliability.FuzzRecords.FuzzRecord;
import dev.userstream.sink.reliability.FuzzRecords.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz test's bookkeeping catches each way a sink can get a record wrong. */
class FuzzLedgerTests {

	static final String A = "0b8a4b4e-7c1e-4b3a-9d8e-1f2a3b4c5d6e";

	static final String V = "1780000000000-0123456789abcdef";

	static final String B = "1c9b5c5f-8d2f-4c4b-8e9f-2a3b4c5d6e7f";

	@Test
	void acceptsEveryRecordStoredOnceOrDeadLetteredOnceWithAReason() {
		FuzzLedger ledger = new FuzzLedger(List.of(valid(0, A), invalid(1)), Map.of(0, 2L),
				List.of(new DeadLetter(0, 1, "not_json")), List.of(A), List.of(new StoredObject("2026-06-01", A, V)));
		assertThat(ledger.violations()).isEmpty();
		assertThat(ledger.goodAfterBadNotStored()).isEmpty();
	}

	@Test
	void reportsACommittedRecordThatIsNeitherStoredNorDeadLettered() {
		FuzzLedger ledger = new FuzzLedger(List.of(invalid(0), valid(1, A)), Map.of(0, 2L), List.of(new DeadLetter(0, 0, "not_json")),
				List.of(), List.of());
		assertThat(ledger.violations()).containsOnlyKeys("committed but neither stored nor dead-lettered (lost)");
		assertThat(ledger.goodAfterBadNotStored()).containsEntry(0, List.of("0@1"));
	}

	@Test
	void reportsUncommittedRecordsAsPendingNotLost() {
		FuzzLedger ledger = new FuzzLedger(List.of(valid(0, A)), Map.of(), List.of(), List.of(), List.of());
		assertThat(ledger.violations()).isEmpty();
		assertThat(ledger.outcomes()).contains("pending (not committed)=1");
	}

	@Test
	void reportsIdsThatDifferOnlyInCaseAsOneUserStoredTwiceAndNotCanonical() {
		String upper = A.toUpperCase();
		FuzzLedger ledger = new FuzzLedger(List.of(valid(0, A), valid(1, A)), Map.of(0, 2L), List.of(), List.of(A, upper),
				List.of(new StoredObject("2026-06-01", A, V), new StoredObject("2026-06-01", upper, V)));
		assertThat(ledger.violations()).containsOnlyKeys(
				"stored twice in the table (one row per user id, compared case-insensitively)",
				"stored twice in the bucket (one object per version of a user)",
				"table row under a non-canonical (upper-case) user id",
				"bucket object under a non-canonical (upper-case) user id");
	}

	@Test
	void reportsDeadLettersTwiceWithoutReasonOrOfNoRecordAndValidRecordsDeadLettered() {
		FuzzLedger ledger = new FuzzLedger(List.of(valid(0, A)), Map.of(0, 1L),
				List.of(new DeadLetter(0, 0, null), new DeadLetter(0, 0, "token"), new DeadLetter(2, 7, "token")), List.of(), List.of());
		assertThat(ledger.violations()).containsOnlyKeys("dead-lettered more than once", "dead letter without a userstream-dlt-reason header",
				"dead letter of no sent record", "valid record dead-lettered");
	}

	@Test
	void reportsInvalidRecordsStoredUsersInOneStoreOnlyAndUsersNoRecordAccountsFor() {
		FuzzLedger ledger = new FuzzLedger(List.of(new Sent(record(Kind.BAD_ID, Expect.DEAD_LETTER, A), 0), valid(1, B)), Map.of(0, 2L),
				List.of(), List.of(A, B, "2d0c6d6a-9e3a-4d5c-9fa0-3b4c5d6e7f80"), List.of(new StoredObject("2026-06-01", A, V)));
		assertThat(ledger.violations()).containsOnlyKeys("invalid record stored", "stored in one store only (table)",
				"stored user that no stored record accounts for (dead-lettered, or never sent)");
	}

	private static Sent valid(long offset, String id) {
		return new Sent(record(Kind.VALID, Expect.STORE, id), offset);
	}

	private static Sent invalid(long offset) {
		return new Sent(new FuzzRecord(Kind.RANDOM_BYTES, 0, null, "x".getBytes(StandardCharsets.UTF_8), Expect.DEAD_LETTER, null), offset);
	}

	private static FuzzRecord record(Kind kind, Expect expect, String id) {
		return new FuzzRecord(kind, 0, id, ("{\"user_id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), expect, id);
	}

}
