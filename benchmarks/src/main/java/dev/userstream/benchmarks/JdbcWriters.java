package dev.userstream.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.testsupport.DatabaseEndpoint;

/**
 * The baselines the sink is held against, writing the same rows into the same {@code users} table in
 * transactions of {@value #BATCH} rows (one sink poll): the raw limit (plain JDBC batch, and one
 * multi-row INSERT per batch), a simulated upsert loop in the way of a Connect JDBC sink (a multi-row
 * {@code INSERT … ON DUPLICATE KEY UPDATE}) and the original consumer (one INSERT and commit per row).
 */
final class JdbcWriters {

	static final int BATCH = 500;

	private static final String COLUMNS = "user_id, name, gender, country, state, city, email, dob_date, dob_age, username, password, source, produced_at, ingested_at";

	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT = "INSERT INTO users (" + COLUMNS + ") VALUES ";

	private static final String UPSERT = " ON DUPLICATE KEY UPDATE name = VALUES(name), gender = VALUES(gender),"
			+ " country = VALUES(country), state = VALUES(state), city = VALUES(city), email = VALUES(email),"
			+ " dob_date = VALUES(dob_date), dob_age = VALUES(dob_age), username = VALUES(username),"
			+ " password = VALUES(password), source = VALUES(source), produced_at = VALUES(produced_at),"
			+ " ingested_at = VALUES(ingested_at)";

	private final DatabaseEndpoint endpoint;

	JdbcWriters(DatabaseEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/** {@code addBatch} per row, {@code executeBatch} and commit per batch. */
	void jdbcBatch(List<UserRecord> users) throws SQLException {
		try (Connection connection = transactional(); PreparedStatement insert = connection.prepareStatement(INSERT + ROW)) {
			for (List<UserRecord> batch : batches(users)) {
				for (UserRecord user : batch) {
					bind(insert, 0, user, Instant.now());
					insert.addBatch();
				}
				insert.executeBatch();
				connection.commit();
			}
		}
	}

	/** One {@code INSERT … VALUES (…), (…), …} per batch. */
	void multiRow(List<UserRecord> users) throws SQLException {
		multiRow(users, "");
	}

	/** The simulated upsert loop: one multi-row {@code INSERT … ON DUPLICATE KEY UPDATE} per batch, as a JDBC sink in upsert mode does. */
	void multiRowUpsert(List<UserRecord> users) throws SQLException {
		multiRow(users, UPSERT);
	}

	/** The original consumer: autocommit, one INSERT per row. */
	void rowByRow(List<UserRecord> users) throws SQLException {
		try (Connection connection = this.endpoint.connect(); PreparedStatement insert = connection.prepareStatement(INSERT + ROW)) {
			connection.setAutoCommit(true);
			for (UserRecord user : users) {
				bind(insert, 0, user, Instant.now());
				insert.executeUpdate();
			}
		}
	}

	private void multiRow(List<UserRecord> users, String suffix) throws SQLException {
		try (Connection connection = transactional()) {
			for (List<UserRecord> batch : batches(users)) {
				String sql = INSERT + String.join(", ", Collections.nCopies(batch.size(), ROW)) + suffix;
				try (PreparedStatement insert = connection.prepareStatement(sql)) {
					Instant now = Instant.now();
					for (int i = 0; i < batch.size(); i++) {
						bind(insert, i * 14, batch.get(i), now);
					}
					insert.executeUpdate();
				}
				connection.commit();
			}
		}
	}

	private Connection transactional() throws SQLException {
		Connection connection = this.endpoint.connect();
		connection.setAutoCommit(false);
		return connection;
	}

	private static List<List<UserRecord>> batches(List<UserRecord> users) {
		List<List<UserRecord>> batches = new java.util.ArrayList<>();
		for (int from = 0; from < users.size(); from += BATCH) {
			batches.add(users.subList(from, Math.min(from + BATCH, users.size())));
		}
		return batches;
	}

	private static void bind(PreparedStatement statement, int offset, UserRecord user, Instant ingestedAt) throws SQLException {
		statement.setString(offset + 1, user.userId());
		statement.setString(offset + 2, user.name());
		statement.setString(offset + 3, user.gender());
		statement.setString(offset + 4, user.country());
		statement.setString(offset + 5, user.state());
		statement.setString(offset + 6, user.city());
		statement.setString(offset + 7, user.email());
		statement.setObject(offset + 8, LocalDate.ofInstant(Instant.parse(user.dob().date()), ZoneOffset.UTC));
		statement.setInt(offset + 9, user.dob().age());
		statement.setString(offset + 10, user.username());
		statement.setString(offset + 11, user.password());
		statement.setString(offset + 12, user.source());
		statement.setTimestamp(offset + 13, Timestamp.from(user.producedAt()));
		statement.setTimestamp(offset + 14, Timestamp.from(ingestedAt));
	}

}
