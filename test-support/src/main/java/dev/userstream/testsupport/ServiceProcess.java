package dev.userstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A service's packaged jar run as users run it ({@code java -jar}), in its own process, with its
 * output (stdout and stderr) in a log file. Tests stop it with SIGTERM ({@link #stop()}) or SIGKILL
 * ({@link #kill()}), and read what it printed.
 */
public final class ServiceProcess implements AutoCloseable {

	private final ChildProcess process;

	private ServiceProcess(ChildProcess process) {
		this.process = process;
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
	 * @param applicationArguments command-line arguments
	 */
	public static ServiceProcess jar(Path jar, Path extraClasses, Map<String, String> environment,
			List<String> applicationArguments) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the package phase builds it before the integration tests");
		}
		List<String> arguments = new ArrayList<>(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
		if (extraClasses == null) {
			arguments.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		}
		else {
			arguments.addAll(List.of("-Dloader.path=" + extraClasses.toAbsolutePath(), "-cp", jar.toAbsolutePath().toString(),
					"org.springframework.boot.loader.launch.PropertiesLauncher"));
		}
		arguments.addAll(applicationArguments);
		try {
			Path log = Files.createTempFile(Files.createDirectories(Path.of("target", "process-logs")),
					jar.getFileName().toString().replace(".jar", "-"), ".log");
			return new ServiceProcess(ChildProcess.appendingTo(jar.getFileName().toString(), ChildProcess.java(arguments), environment, log));
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
	public ServiceProcess start() {
		this.process.start();
		return this;
	}

	/** SIGKILL: the process dies at once, without shutdown hooks; waits until it is gone. */
	public void kill() {
		if (isAlive()) {
			this.process.kill();
			awaitExit(Duration.ofSeconds(30));
		}
	}

	/** SIGTERM: the graceful shutdown path; returns the exit code, failing if it takes over 60 s. */
	public int stop() {
		this.process.terminate();
		return awaitExit(Duration.ofSeconds(60));
	}

	/** Waits for the process to exit on its own and returns its exit code. */
	public int awaitExit(Duration timeout) {
		if (!this.process.awaitExit(timeout)) {
			throw new IllegalStateException("Still running after " + timeout + "; see " + log());
		}
		return this.process.exitValue().orElseThrow();
	}

	/** Whether the process runs. */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Everything the process printed so far (all of its runs). */
	public String output() {
		try {
			return Files.readString(log(), StandardCharsets.UTF_8);
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
				throw new IllegalStateException("Exited before printing '" + text + "'; see " + log());
			}
			return false;
		});
	}

	/** The log file. */
	public Path log() {
		return this.process.log();
	}

	/** Kills the process if it still runs. */
	@Override
	public void close() {
		if (isAlive()) {
			kill();
		}
	}

}
