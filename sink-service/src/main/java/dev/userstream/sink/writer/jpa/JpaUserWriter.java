package dev.userstream.sink.writer.jpa;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.userstream.sink.listener.SinkMetrics;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.sink.writer.UserWriter;
import dev.userstream.sink.writer.jpa.UserRepository.StoredVersion;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes users to the {@code users} table in one transaction per batch, so that the table holds the
 * newest version of each user ({@link IncomingUser#isNewerThan}): one query reads the stored versions of
 * the batch's users, the versions that are new or newer go to the database as one JDBC batch of guarded
 * upserts ({@link UserUpsert}), and the rest (an older version replayed, the same record redelivered) are
 * skipped. The lookup only saves work and feeds the metrics: the guard in the SQL is what keeps an older
 * version from replacing a newer one when two consumer threads write the same user at once.
 * <p>
 * The upserts go through a Hibernate {@link StatelessSession} on the transaction's own connection:
 * rows that are written once and never read back need no persistence context, and skipping its
 * bookkeeping (entity snapshots, flush-time dirty checks, events) made the insert path faster
 * (docs/performance.md). The SQL, the mapping and the transaction are Hibernate's and Spring's as before.
 */
@Component
@Profile("jpa")
@Order(1) // before the writers that cannot refuse a record's data: a refused record is then stored nowhere
class JpaUserWriter implements UserWriter {

	// MySQL/MariaDB report some data errors with the generic SQLState HY000: 1366 incorrect string value
	// (e.g. a character the column's charset cannot hold), 1292 incorrect date/time/number value
	private static final Set<Integer> MYSQL_DATA_ERRORS = Set.of(1366, 1292);

	private final UserRepository repository;

	private final EntityManager entityManager;

	private final SinkMetrics metrics;

	JpaUserWriter(UserRepository repository, EntityManager entityManager, SinkMetrics metrics) {
		this.repository = repository;
		this.entityManager = entityManager;
		this.metrics = metrics;
	}

	@Override
	public String name() {
		return "jpa";
	}

	@Override
	@Transactional
	public void write(UserBatch batch) {
		Map<String, IncomingUser> newest = new LinkedHashMap<>();
		for (IncomingUser user : batch.users()) {
			// the same user twice in a batch: the newer version is the one to store
			newest.merge(user.userId(), user, (kept, next) -> next.isNewerThan(kept.producedAt(),
					kept.position().offset()) ? next : kept);
		}
		if (newest.isEmpty()) {
			return;
		}
		Map<String, StoredVersion> stored = this.repository.findStoredVersions(newest.keySet())
			.stream()
			.collect(Collectors.toMap(StoredVersion::userId, Function.identity()));
		List<UserEntity> upserts = new ArrayList<>(newest.size());
		int inserted = 0;
		int updated = 0;
		for (IncomingUser user : newest.values()) {
			StoredVersion version = stored.get(user.userId());
			if (version == null || user.isNewerThan(version.producedAt(), version.kafkaOffset())) {
				upserts.add(new UserEntity(user, batch.ingestedAt()));
				inserted += (version == null) ? 1 : 0;
				updated += (version != null) ? 1 : 0;
			}
		}
		countAfterCommit(inserted, updated, batch.users().size() - inserted - updated);
		upsert(upserts);
	}

	/** Sends the rows as one JDBC batch of guarded upserts, in the caller's transaction. */
	void upsert(List<UserEntity> rows) {
		if (rows.isEmpty()) {
			return;
		}
		// derived from the transaction's session: same connection, same transaction (Hibernate 7.2)
		try (StatelessSession session = this.entityManager.unwrap(Session.class).statelessWithOptions().connection().open()) {
			session.insertMultiple(rows);
		}
	}

	/**
	 * Counts as the lookup saw the table: a row another thread wrote between the lookup and the upsert
	 * (a rebalance) is the one case where the counts and the table's guard can differ.
	 */
	private void countAfterCommit(int inserted, int updated, int stale) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				JpaUserWriter.this.metrics.rows(inserted, updated, stale);
			}
		});
	}

	/**
	 * SQLState classes 22 (data exception: too long, out of range, bad encoding) and 23 (integrity
	 * constraint) are about the rows sent, not the connection; anything else is an outage.
	 */
	@Override
	public boolean refusesData(RuntimeException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
				return state.startsWith("22") || state.startsWith("23") || MYSQL_DATA_ERRORS.contains(sql.getErrorCode());
			}
		}
		return false;
	}

}
