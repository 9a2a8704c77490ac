package dev.userstream.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server run as a child process from its own executable jar (its own class path;
 * in-process it would pick up our S3 auto-configuration). It keeps its port and its files across
 * {@link #stop()} and {@link #start()}, so tests can take S3 away and bring it back.
 */
public abstract sealed class S3ServerProcess permits S3MockServer, S3ProxyServer {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final String name;

	private final int httpPort;

	private final Path storeRoot;

	private final Path log;

	private ChildProcess process;

	S3ServerProcess(String name, int httpPort, Path storeRoot) {
		this.name = name;
		this.httpPort = httpPort;
		this.storeRoot = storeRoot;
		this.log = storeRoot.resolveSibling(storeRoot.getFileName() + ".log");
	}

	/** The command line that starts the server. */
	protected abstract List<String> command();

	/** The HTTP endpoint, for path-style access. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.httpPort);
	}

	/** A path-style client for this server (it takes any credentials); the caller closes it. */
	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(endpoint())
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	/** Starts the process and waits until it answers HTTP. */
	public synchronized S3ServerProcess start() {
		if (this.process != null && this.process.isAlive()) {
			return this;
		}
		// the command afresh at every start: a server may take a new free port for its side channel
		this.process = ChildProcess.appendingTo(this.name, command(), Map.of(), this.log).start();
		awaitAnswering();
		return this;
	}

	/** Stops the process (files stay); the endpoint refuses connections until {@link #start()}. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop(Duration.ofSeconds(10));
		}
	}

	protected final int httpPort() {
		return this.httpPort;
	}

	protected final Path storeRoot() {
		return this.storeRoot;
	}

	private void awaitAnswering() {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (!answers()) {
			if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(this.name + " did not start on port " + this.httpPort + "; see " + this.log);
			}
			try {
				Thread.sleep(100); // polling a child process's port; nothing to await in-JVM
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while starting " + this.name, ex);
			}
		}
	}

	private boolean answers() {
		try {
			HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
			connection.setConnectTimeout(500);
			connection.setReadTimeout(2000);
			return connection.getResponseCode() < 500;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A new directory under {@code parent} for a server's files (its log goes beside it). */
	static Path newStoreRoot(Path parent) {
		try {
			return Files.createTempDirectory(Files.createDirectories(parent), "store-").toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The path of an executable jar the build copied into {@code target/} ({@code test-support.properties}). */
	static String executableJar(String property) {
		Properties properties = new Properties();
		try (InputStream in = S3ServerProcess.class.getResourceAsStream("test-support.properties")) {
			properties.load(in);
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("test-support.properties missing from the class path", ex);
		}
		String jar = properties.getProperty(property);
		if (jar == null || !new File(jar).isFile()) {
			throw new IllegalStateException("Server jar not found at " + jar + "; build test-support first (./mvnw -pl test-support package)");
		}
		return jar;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
