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
 * The run's database: the {@code users} table made by the sink's own Flyway migrations, emptied
 * before each measurement.
 */
final class Database {

	private final DatabaseEndpoint endpoint;

	Database(DatabaseEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	DatabaseEndpoint endpoint() {
		return this.endpoint;
	}

	/** Drops the table and re-creates it with the sink's migrations, so that the sink's Flyway finds it current. */
	void recreate(String migrations) {
		execute("DROP TABLE IF EXISTS users, flyway_schema_history");
		Flyway.configure()
			.dataSource(this.endpoint.url(), this.endpoint.username(), this.endpoint.password())
			.locations("filesystem:" + migrations)
			.load()
			.migrate();
	}

	void truncate() {
		execute("TRUNCATE TABLE users");
	}

	long count() {
		try (Connection connection = this.endpoint.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM users")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not count users", ex);
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
