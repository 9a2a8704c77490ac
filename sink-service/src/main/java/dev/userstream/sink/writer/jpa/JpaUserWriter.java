package dev.userstream.sink.writer.jpa;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.sink.writer.UserWriter;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes users to the {@code users} table in one transaction per batch: one query finds the users
 * already stored (redelivery), the rest are inserted as one JDBC batch. The first write of a user
 * wins; the same user again is a no-op, so redelivery leaves one row.
 * <p>
 * The inserts go through a Hibernate {@link StatelessSession} on the transaction's own connection:
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

	JpaUserWriter(UserRepository repository, EntityManager entityManager) {
		this.repository = repository;
		this.entityManager = entityManager;
	}

	@Override
	public String name() {
		return "jpa";
	}

	@Override
	@Transactional
	public void write(UserBatch batch) {
		Map<String, IncomingUser> byId = new LinkedHashMap<>();
		for (IncomingUser user : batch.users()) {
			byId.putIfAbsent(user.userId(), user); // the same user twice in a batch: the first one wins
		}
		if (byId.isEmpty()) {
			return;
		}
		Set<String> stored = this.repository.findStoredUserIds(byId.keySet());
		List<UserEntity> fresh = byId.values()
			.stream()
			.filter((user) -> !stored.contains(user.userId()))
			.map((user) -> new UserEntity(user, batch.ingestedAt()))
			.toList();
		if (fresh.isEmpty()) {
			return;
		}
		// derived from the transaction's session: same connection, same transaction (Hibernate 7.2)
		try (StatelessSession inserts = this.entityManager.unwrap(Session.class).statelessWithOptions().connection().open()) {
			inserts.insertMultiple(fresh); // one JDBC batch of fresh.size() inserts
		}
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
