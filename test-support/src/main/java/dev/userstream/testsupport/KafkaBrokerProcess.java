package dev.userstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;

import static org.awaitility.Awaitility.await;

/**
 * A single-node KRaft broker (Kafka's own {@code kafka.Kafka}, from the test class path) in a child
 * process, on fixed ports and with one log directory, so a test can stop the broker and start it again
 * at the same address with the same data: a real broker outage. (The embedded broker cannot: KRaft
 * picks new ports on restart.) Topics are not created automatically. {@link #createWithScram} makes one
 * whose clients must authenticate (SASL SCRAM-SHA-512), which the embedded broker cannot either.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

	private final int port = S3MockServer.freePort();

	private final int controllerPort = S3MockServer.freePort();

	private final Path directory;

	private final Path config;

	private final ChildProcess process;

	private String saslUsername;

	private String saslPassword;

	private KafkaBrokerProcess(Path directory) {
		this.directory = directory;
		this.config = directory.resolve("server.properties");
		this.process = java("the broker", "kafka.Kafka", this.config.toString());
	}

	/** A formatted broker under {@code target/kafka-process/}, not started. */
	public static KafkaBrokerProcess create() {
		KafkaBrokerProcess broker = new KafkaBrokerProcess(newDirectory());
		broker.format("PLAINTEXT", List.of(), List.of());
		return broker;
	}

	/**
	 * A formatted broker, not started, whose client listener is {@code SASL_PLAINTEXT} with
	 * {@code SCRAM-SHA-512} only, and which knows one client user: its SCRAM credentials are written at
	 * format time ({@code kafka-storage format --add-scram}, KIP-900), as a KRaft cluster needs them
	 * before it starts. The broker talks to itself as a second user with a random password; the
	 * controller listener stays PLAINTEXT on localhost. No authorizer: an authenticated user may do
	 * anything.
	 */
	public static KafkaBrokerProcess createWithScram(String username, String password) {
		KafkaBrokerProcess broker = new KafkaBrokerProcess(newDirectory());
		String brokerPassword = Uuid.randomUuid().toString();
		broker.format("SASL_PLAINTEXT",
				List.of("sasl.enabled.mechanisms=SCRAM-SHA-512", "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
						"listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
								+ "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"broker\" password=\""
								+ brokerPassword + "\";"),
				List.of("--add-scram", "SCRAM-SHA-512=[name=broker,password=" + brokerPassword + "]", "--add-scram",
						"SCRAM-SHA-512=[name=" + username + ",password=" + password + "]"));
		broker.saslUsername = username;
		broker.saslPassword = password;
		return broker;
	}

	/**
	 * What a plain Kafka client needs to reach this broker: the bootstrap servers and, for a broker of
	 * {@link #createWithScram}, the user's SASL login.
	 */
	public Map<String, Object> clientConfig() {
		Map<String, Object> config = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
		if (this.saslUsername != null) {
			config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
			config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
			config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
					+ this.saslUsername + "\" password=\"" + this.saslPassword + "\";");
		}
		return config;
	}

	private static Path newDirectory() {
		try {
			return Files.createTempDirectory(Files.createDirectories(Path.of("target", "kafka-process")), "broker-")
				.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The bootstrap servers: the same across stops and starts. */
	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Starts the broker and waits until it accepts connections. */
	public synchronized KafkaBrokerProcess start() {
		this.process.start();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The broker exited; see " + this.process.log());
			}
			return accepts();
		});
		return this;
	}

	/** Stops the broker (SIGTERM, a controlled shutdown) and waits until its port is closed. */
	public synchronized void stop() {
		this.process.stop(Duration.ofSeconds(60));
	}

	@Override
	public void close() {
		stop();
	}

	/** Writes the configuration with a client listener of {@code protocol} and formats the storage. */
	private void format(String protocol, List<String> extraConfig, List<String> extraFormatArguments) {
		List<String> lines = new java.util.ArrayList<>(List.of("process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + this.controllerPort,
				"listeners=" + protocol + "://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort,
				"advertised.listeners=" + protocol + "://127.0.0.1:" + this.port, "controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=" + protocol,
				"listener.security.protocol.map=" + protocol + ":" + protocol + ",CONTROLLER:PLAINTEXT",
				"log.dirs=" + this.directory.resolve("data"), "num.partitions=1", "auto.create.topics.enable=false",
				"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "group.initial.rebalance.delay.ms=0", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1"));
		lines.addAll(extraConfig);
		List<String> arguments = new java.util.ArrayList<>(
				List.of("format", "-t", Uuid.randomUuid().toString(), "-c", this.config.toString()));
		arguments.addAll(extraFormatArguments);
		try {
			Files.writeString(this.config, String.join("\n", lines) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		java("formatting the broker's storage", "kafka.tools.StorageTool", arguments.toArray(String[]::new))
			.run(Duration.ofSeconds(60));
	}

	/** {@code mainClass} of the test class path in a JVM of its own, its output in {@code broker.log}. */
	private ChildProcess java(String name, String mainClass, String... arguments) {
		List<String> command = new java.util.ArrayList<>(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(arguments));
		return ChildProcess.appendingTo(name, ChildProcess.java(command), Map.of(), this.directory.resolve("broker.log"));
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "KafkaBrokerProcess[" + bootstrapServers() + ", " + this.directory + "]";
	}

}
