package dev.userstream.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.userstream.local.LocalRunOptions.Store;
import dev.userstream.model.FernetKey;

/**
 * The settings that run the two jars against the embedded services, as environment variables (relaxed
 * binding), so that the key never shows in the process list.
 */
final class ServiceSettings {

	/** Settings and key of the running infrastructure, for a developer's shell ({@code . .local-run/local.env}). */
	static final String ENV_FILE = "local.env";

	/** The sink's consumer group, whose lag the progress lines show. */
	static final String SINK_GROUP = "userstream-sink";

	private static final String KEYS = "PIPELINE_ENCRYPTION_KEYS";

	private final LocalInfrastructure infra;

	private final String key;

	/**
	 * @param infra the running broker, database and S3 server
	 * @param key the Fernet key both services use
	 */
	ServiceSettings(LocalInfrastructure infra, String key) {
		this.infra = infra;
		this.key = key;
	}

	/** {@code PIPELINE_ENCRYPTION_KEYS} when it is set, else a fresh key. */
	static String encryptionKey() {
		String given = System.getenv(KEYS);
		return (given != null && !given.isBlank()) ? given : FernetKey.generate(new SecureRandom()).encoded();
	}

	/** What any client of the running infrastructure needs: broker, database and S3 (no key). */
	Map<String, String> infrastructure() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.putAll(this.infra.kafkaEnvironment());
		settings.putAll(this.infra.databaseEnvironment());
		settings.putAll(this.infra.s3Environment());
		return settings;
	}

	/** sink-service's environment: the stores of {@code sinks} as profiles, its management port given. */
	Map<String, String> sink(LocalRunOptions options, int managementPort) {
		Map<String, String> env = new LinkedHashMap<>(this.infra.kafkaEnvironment());
		env.put(KEYS, this.key);
		env.put("SPRING_PROFILES_ACTIVE", options.sinks().stream().map(Store::profile).collect(Collectors.joining(",")));
		env.put("SPRING_KAFKA_CONSUMER_GROUP_ID", SINK_GROUP);
		env.putAll(this.infra.databaseEnvironment());
		env.putAll(this.infra.s3Environment());
		env.put("SERVER_PORT", String.valueOf(freePort()));
		env.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
		return env;
	}

	/** producer-service's environment: the source, the pace of {@code --rate} and the run's duration. */
	Map<String, String> producer(LocalRunOptions options) {
		LocalRunOptions.ProducerPace pace = options.pace();
		Map<String, String> env = new LinkedHashMap<>(this.infra.kafkaEnvironment());
		env.put(KEYS, this.key);
		env.put("PRODUCER_SOURCE", options.source());
		env.put("PRODUCER_BATCH_SIZE", String.valueOf(pace.batchSize()));
		env.put("PRODUCER_PAUSE_INTERVAL", pace.pause().toMillis() + "ms");
		env.put("PRODUCER_STREAMING_DURATION", options.duration().toMillis() + "ms");
		env.put("PRODUCER_TOPIC_PARTITIONS", String.valueOf(LocalInfrastructure.PARTITIONS));
		env.put("SERVER_PORT", String.valueOf(freePort()));
		env.put("MANAGEMENT_SERVER_PORT", String.valueOf(freePort()));
		return env;
	}

	/**
	 * Writes {@link #infrastructure()} and the key, as {@code export} lines, to {@link #ENV_FILE} in
	 * {@code runDir}, a file only its owner can read: how the key reaches a developer without being printed.
	 */
	Path writeEnvFile(Path runDir) throws IOException {
		Path envFile = runDir.resolve(ENV_FILE);
		List<String> lines = new ArrayList<>();
		infrastructure().forEach((name, value) -> lines.add("export " + name + "='" + value + "'"));
		lines.add("export " + KEYS + "='" + this.key + "'");
		Files.deleteIfExists(envFile);
		Files.createFile(envFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.write(envFile, lines);
		return envFile;
	}

	/** A free TCP port on this machine, for a service's HTTP or management port. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
