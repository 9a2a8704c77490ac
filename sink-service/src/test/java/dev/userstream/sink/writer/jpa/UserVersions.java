package dev.userstream.sink.writer.jpa;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.KafkaPosition;
import dev.userstream.sink.writer.UserBatch;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version order of the {@code users} table (newest version wins), checked on whichever database
 * the calling test's context runs: MariaDB ({@link JpaUserVersionsIntegrationTests}) and PostgreSQL
 * ({@link PostgresJpaWriterIntegrationTests}). Each scenario uses a fresh user id.
 */
final class UserVersions {

	private static final String TOPIC = "versions-it-users";

	private final JpaUserWriter writer;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	UserVersions(JpaUserWriter writer, JdbcTemplate jdbc, TransactionTemplate transaction, MeterRegistry meters) {
		this.writer = writer;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.meters = meters;
	}

	/** v1, v2 (later produced_at), v1 again, v2 again: the row holds v2, written once. */
	void newerVersionReplacesTheRowAndOlderOrSameVersionsLeaveIt() {
		UserRecord v1 = TestUsers.user(1);
		UserRecord v2 = changed(v1, "Version Two", v1.producedAt().plusSeconds(60));
		double inserted = rows("inserted");
		double updated = rows("updated");
		double stale = rows("stale");

		write(v1, 10);
		assertThat(row(v1).get("name")).isEqualTo(v1.name());
		write(v2, 11);
		Map<String, Object> afterV2 = row(v2);
		assertHolds(afterV2, v2, 11);
		write(v1, 10); // a replay of the old version
		assertThat(row(v1)).isEqualTo(afterV2);
		write(v2, 11); // a redelivery of the newest
		assertThat(row(v1)).isEqualTo(afterV2);
		assertThat(TestUsers.storedCount(this.jdbc, List.of(v1.userId()))).isOne();
		assertThat(rows("inserted") - inserted).isEqualTo(1);
		assertThat(rows("updated") - updated).isEqualTo(1);
		assertThat(rows("stale") - stale).isEqualTo(2);
	}

	/** Two versions with the same produced_at: the later offset wins, whichever comes first. */
	void equalProducedAtTheLaterOffsetWins() {
		UserRecord first = TestUsers.user(2);
		UserRecord second = changed(first, "Same Instant", first.producedAt());
		write(first, 20);
		write(second, 21);
		assertHolds(row(first), second, 21);
		write(first, 20);
		assertHolds(row(first), second, 21);
	}

	/** Without produced_at (the original producer's records) the later offset wins as well. */
	void withoutProducedAtTheLaterOffsetWins() {
		UserRecord first = changed(TestUsers.user(3), TestUsers.user(3).name(), null);
		UserRecord second = changed(first, "No Instant", null);
		write(second, 31);
		write(first, 30);
		assertHolds(row(first), second, 31);
	}

	/** The same record twice: the second write changes nothing, ingested_at included. */
	void sameRecordTwiceLeavesTheRowUnchanged() {
		UserRecord user = TestUsers.user(4);
		write(user, 40);
		Map<String, Object> first = row(user);
		this.writer.write(batch(List.of(incoming(user, 40)), Instant.now().plusSeconds(3600)));
		assertThat(row(user)).isEqualTo(first);
	}

	/** Two versions of one user in one batch: the newer is stored, whatever its place in the batch. */
	void newerVersionWinsWithinABatch() {
		UserRecord older = TestUsers.user(5);
		UserRecord newer = changed(older, "Newer In Batch", older.producedAt().plusSeconds(5));
		this.writer.write(batch(List.of(incoming(newer, 50), incoming(older, 51)), Instant.now()));
		assertHolds(row(older), newer, 50);
	}

	/**
	 * The guard is in the SQL: the upsert alone, without the writer's lookup (as when another consumer
	 * thread stored the newer version after the lookup), leaves a newer row alone, and the same record
	 * again changes nothing.
	 */
	void theUpsertItselfNeverReplacesANewerVersion() {
		UserRecord v1 = TestUsers.user(6);
		UserRecord v2 = changed(v1, "Guarded", v1.producedAt().plusSeconds(60));
		upsertOnly(v2, 61);
		Map<String, Object> stored = row(v2);
		upsertOnly(v1, 60);
		assertThat(row(v1)).isEqualTo(stored);
		upsertOnly(v2, 61);
		assertThat(row(v1)).isEqualTo(stored);
		UserRecord v3 = changed(v1, "Same Instant Later Offset", v2.producedAt());
		upsertOnly(v3, 62);
		assertHolds(row(v1), v3, 62);
		UserRecord v4 = changed(v1, "Later Instant Earlier Offset", v2.producedAt().plusSeconds(1));
		upsertOnly(v4, 59);
		assertHolds(row(v1), v4, 59);
	}

	private void upsertOnly(UserRecord user, long offset) {
		Instant ingestedAt = Instant.now().plus(Duration.ofMillis(offset));
		this.transaction.executeWithoutResult((status) -> this.writer.upsert(List.of(new UserEntity(incoming(user, offset), ingestedAt))));
	}

	private void write(UserRecord user, long offset) {
		this.writer.write(batch(List.of(incoming(user, offset)), Instant.now()));
	}

	private void assertHolds(Map<String, Object> row, UserRecord version, long offset) {
		assertThat(row).containsEntry("name", version.name()).containsEntry("city", version.city());
		assertThat(((Number) row.get("kafka_offset")).longValue()).isEqualTo(offset);
		Object producedAt = row.get("produced_at");
		assertThat((producedAt != null) ? ((Timestamp) producedAt).toInstant() : null).isEqualTo(version.producedAt());
	}

	private Map<String, Object> row(UserRecord user) {
		return this.jdbc.queryForMap("SELECT * FROM users WHERE user_id = ?", user.userId());
	}

	private double rows(String outcome) {
		var counter = this.meters.find("userstream.rows").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	static UserRecord changed(UserRecord user, String name, Instant producedAt) {
		return new UserRecord(user.userId(), name, user.gender(), user.country(), user.state(), "City of " + name,
				user.email(), user.dob(), user.username(), user.password(), user.source(),
				(producedAt != null) ? producedAt.truncatedTo(ChronoUnit.MILLIS) : null, user.schemaVersion());
	}

	private static IncomingUser incoming(UserRecord user, long offset) {
		return IncomingUser.from(user, null, new KafkaPosition(TOPIC, 0, offset, Instant.now()));
	}

	private static UserBatch batch(List<IncomingUser> users, Instant ingestedAt) {
		return new UserBatch(users, Map.of(), ingestedAt);
	}

}
