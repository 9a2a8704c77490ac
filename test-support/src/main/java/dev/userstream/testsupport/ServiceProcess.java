package dev.userstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A service's packaged jar run as users run it ({@code java -jar}), in its own process, with its
 * output (stdout and stderr) in a log file. Tests stop it with SIGTERM ({@link #stop()}) or SIGKILL
 * ({@link #kill()}), and read what it printed.
 */
public final class ServiceProcess implements AutoCloseable {

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private Process process;

	private ServiceProcess(List<String> command, Map<String, String> environment, Path log) {
		this.command = command;
		this.environment = environment;
		this.log = log;
	}

	/**
	 * A process for {@code jar} (not started) that writes its output to a new file under {@code target/}.
	 * @param jar the executable jar, e.g. {@code target/sink-service.jar}
	 * @param environment environment variables (secrets go here, not on the command line)
	 * @param arguments command-line arguments
	 */
	public static ServiceProcess jar(Path jar, Map<String, String> environment, List<String> arguments) {
		return jar(jar, null, environment, arguments);
	}

	/**
	 * Like {@link #jar(Path, Map, List)}, with the classes under {@code extraClasses} on the
	 * application's class path (Spring Boot's {@code PropertiesLauncher} and {@code loader.path}), for a
	 * test hook the packaged application loads by name (e.g. a Kafka interceptor).
	 * @param jar the executable jar
	 * @param extraClasses a directory of compiled classes, or null for none
	 * @param environment environment variables
	 * @param arguments command-line arguments
	 */
	public static ServiceProcess jar(Path jar, Path extraClasses, Map<String, String> environment, List<String> arguments) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the package phase builds it before the integration tests");
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1"));
		if (extraClasses == null) {
			command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		}
		else {
			command.addAll(List.of("-Dloader.path=" + extraClasses.toAbsolutePath(), "-cp", jar.toAbsolutePath().toString(),
					"org.springframework.boot.loader.launch.PropertiesLauncher"));
		}
		command.addAll(arguments);
		try {
			Path log = Files.createTempFile(Files.createDirectories(Path.of("target", "process-logs")),
					jar.getFileName().toString().replace(".jar", "-"), ".log");
			return new ServiceProcess(command, new LinkedHashMap<>(environment), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A free TCP port on the loopback interface (for a process's HTTP or management port). */
	public static int freePort() {
		return S3MockServer.freePort();
	}

	/** Starts the process (again, after a stop or kill, appending to the same log). */
	public synchronized ServiceProcess start() {
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.environment);
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.command, ex);
		}
		return this;
	}

	/** SIGKILL: the process dies at once, without shutdown hooks; waits until it is gone. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			awaitExit(Duration.ofSeconds(30));
		}
	}

	/** SIGTERM: the graceful shutdown path; returns the exit code, failing if it takes over 60 s. */
	public synchronized int stop() {
		this.process.destroy();
		return awaitExit(Duration.ofSeconds(60));
	}

	/** Waits for the process to exit on its own and returns its exit code. */
	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Still running after " + timeout + "; see " + this.log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return this.process.exitValue();
	}

	/** Whether the process runs. */
	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** Everything the process printed so far (all of its runs). */
	public String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits until the output contains {@code text}, failing early if the process exits. */
	public void awaitOutput(String text, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (output().contains(text)) {
				return true;
			}
			if (!isAlive()) {
				throw new IllegalStateException("Exited before printing '" + text + "'; see " + this.log);
			}
			return false;
		});
	}

	/** The log file. */
	public Path log() {
		return this.log;
	}

	/** Kills the process if it still runs. */
	@Override
	public void close() {
		if (isAlive()) {
			kill();
		}
	}

}
