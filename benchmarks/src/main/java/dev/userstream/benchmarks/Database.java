package dev.userstream.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.userstream.testsupport.DatabaseEndpoint;
import org.flywaydb.core.Flyway;

/**
 * The run's database: the {@code users} table made by the sink's own Flyway migrations, and
 * {@value #CONNECT_TABLE} of the same shape for the Kafka Connect peer, emptied before each measurement.
 */
final class Database {

	static final String USERS = "users";

	/** The peer's table: {@code users}' columns, and {@code ingested_at} stamped by the database (the peer has no such field). */
	static final String CONNECT_TABLE = "users_connect";

	private final DatabaseEndpoint endpoint;

	Database(DatabaseEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	DatabaseEndpoint endpoint() {
		return this.endpoint;
	}

	/** Drops the table and re-creates it with the sink's migrations, so that the sink's Flyway finds it current. */
	void recreate(String migrations) {
		execute("DROP TABLE IF EXISTS users, " + CONNECT_TABLE + ", flyway_schema_history");
		Flyway.configure()
			.dataSource(this.endpoint.url(), this.endpoint.username(), this.endpoint.password())
			.locations("filesystem:" + migrations)
			.load()
			.migrate();
		execute("CREATE TABLE " + CONNECT_TABLE + " LIKE users");
		execute("ALTER TABLE " + CONNECT_TABLE + " MODIFY ingested_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)");
	}

	void truncate() {
		truncate(USERS);
	}

	void truncate(String table) {
		execute("TRUNCATE TABLE " + table);
	}

	long count() {
		return count(USERS);
	}

	long count(String table) {
		try (Connection connection = this.endpoint.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not count the rows of " + table, ex);
		}
	}

	/** Per stored row, in produced_at order: produced_at (epoch ms) and ingested_at − produced_at (ms). */
	List<double[]> latencies() {
		String sql = "SELECT UNIX_TIMESTAMP(produced_at) * 1000, TIMESTAMPDIFF(MICROSECOND, produced_at, ingested_at) / 1000"
				+ " FROM users ORDER BY produced_at";
		List<double[]> latencies = new ArrayList<>();
		try (Connection connection = this.endpoint.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				latencies.add(new double[] { rows.getDouble(1), rows.getDouble(2) });
			}
			return latencies;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read latencies", ex);
		}
	}

	String version() {
		try (Connection connection = this.endpoint.connect()) {
			return connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not connect to " + this.endpoint, ex);
		}
	}

	private void execute(String sql) {
		try (Connection connection = this.endpoint.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + sql, ex);
		}
	}

}
