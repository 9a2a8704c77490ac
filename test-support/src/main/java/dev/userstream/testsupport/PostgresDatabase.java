package dev.userstream.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' PostgreSQL without Docker: a database of its own, {@code userstream_pg_<random>}, made
 * once per test JVM on the server named by {@code TEST_PG_URL} (any database of it, through which the
 * new one is created; with {@code TEST_PG_USERNAME} / {@code TEST_PG_PASSWORD}), by default the
 * machine's PostgreSQL at {@value #DEFAULT_URL} as {@code postgres} without a password (trust
 * authentication; {@code .ci/run} starts it). Dropped when the JVM exits.
 */
public final class PostgresDatabase {

	static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	/** The server part, the database, the parameters. */
	private static final Pattern SERVER_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)[^?]*((?:\\?.*)?)");

	private static DatabaseEndpoint endpoint;

	private PostgresDatabase() {
	}

	/** The database to test against, created on first call. */
	public static synchronized DatabaseEndpoint endpoint() {
		if (endpoint == null) {
			DatabaseEndpoint server = new DatabaseEndpoint(env("TEST_PG_URL", DEFAULT_URL), env("TEST_PG_USERNAME", "postgres"),
					env("TEST_PG_PASSWORD", ""));
			endpoint = create(server, "userstream_pg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
		}
		return endpoint;
	}

	private static DatabaseEndpoint create(DatabaseEndpoint server, String database) {
		Matcher url = SERVER_URL.matcher(server.url());
		if (!url.matches()) {
			throw new IllegalStateException("TEST_PG_URL must be jdbc:postgresql://host:port/database, was " + server.url());
		}
		execute(server, "CREATE DATABASE " + database);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(server, database), "postgres-drop"));
		return new DatabaseEndpoint(url.group(1) + database + url.group(2), server.username(), server.password());
	}

	private static void dropQuietly(DatabaseEndpoint server, String database) {
		try {
			execute(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		catch (IllegalStateException ex) {
			// the JVM is exiting; a leftover database is named userstream_pg_* and holds only test data
		}
	}

	private static void execute(DatabaseEndpoint server, String sql) {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + server.url() + " (TEST_PG_URL) refused '" + sql + "': "
					+ ex.getMessage() + "; start it (.ci/run does) or point TEST_PG_URL at one", ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
