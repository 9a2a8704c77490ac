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
import java.util.Properties;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe S3Mock's executable jar run as a child process: a real S3 HTTP server with its own class
 * path (in-process it would pick up our S3 auto-configuration). It keeps its port and its files
 * across {@link #stop()} and {@link #start()}, so tests can take S3 away and bring it back.
 */
public final class S3MockServer {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final int httpPort;

	private final Path storeRoot;

	private final Path log;

	private Process process;

	private S3MockServer(int httpPort, Path storeRoot) {
		this.httpPort = httpPort;
		this.storeRoot = storeRoot;
		this.log = storeRoot.resolveSibling(storeRoot.getFileName() + ".log");
	}

	/** A server on a free port with its store under {@code target/s3mock/}, not started yet. */
	public static S3MockServer onFreePort() {
		return onFreePort(Path.of("target", "s3mock"));
	}

	/** A server on a free port with its store (and log) in a new directory under {@code parent}, not started yet. */
	public static S3MockServer onFreePort(Path parent) {
		try {
			Path root = Files.createTempDirectory(Files.createDirectories(parent), "store-");
			return new S3MockServer(freePort(), root.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The HTTP endpoint, for path-style access. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.httpPort);
	}

	/** A path-style client for this server (S3Mock takes any credentials); the caller closes it. */
	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(endpoint())
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	/** Starts the process and waits until it answers HTTP. */
	public synchronized S3MockServer start() {
		if (this.process != null && this.process.isAlive()) {
			return this;
		}
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", executableJar(),
				"--http.port=" + this.httpPort, "--server.port=" + freePort(),
				"--com.adobe.testing.s3mock.store.root=" + this.storeRoot,
				"--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN");
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start S3Mock", ex);
		}
		awaitAnswering();
		return this;
	}

	/** Stops the process (files stay); the endpoint refuses connections until {@link #start()}. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	private void awaitAnswering() {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (!answers()) {
			if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("S3Mock did not start on port " + this.httpPort + "; see " + this.log);
			}
			try {
				Thread.sleep(100); // polling a child process's port; nothing to await in-JVM
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while starting S3Mock", ex);
			}
		}
	}

	private boolean answers() {
		try {
			HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
			connection.setConnectTimeout(500);
			connection.setReadTimeout(2000);
			return connection.getResponseCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String executableJar() {
		Properties properties = new Properties();
		try (InputStream in = S3MockServer.class.getResourceAsStream("test-support.properties")) {
			properties.load(in);
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("test-support.properties missing from the class path", ex);
		}
		String jar = properties.getProperty("s3mock.jar");
		if (!new File(jar).isFile()) {
			throw new IllegalStateException("S3Mock jar not found at " + jar + "; build test-support first (./mvnw -pl test-support package)");
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
