package dev.userstream.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One of the pipeline's Spring Boot jars running as a child process, its output in a log file.
 * Settings reach it through the environment (relaxed binding), so secrets never show in the
 * process list.
 */
final class ServiceProcess implements AutoCloseable {

	private final String name;

	private final Path log;

	private final Process process;

	private ServiceProcess(String name, Path log, Process process) {
		this.name = name;
		this.log = log;
		this.process = process;
	}

	static ServiceProcess start(String name, Path jar, Map<String, String> environment, Path log) {
		if (!jar.toFile().isFile()) {
			throw new IllegalStateException(jar + " is missing; build it with ./mvnw package -DskipTests");
		}
		// C1 only: two Spring Boot start-ups and the broker share the cores, and a run of minutes at a
		// hundred records a second gains nothing from C2's slower, hotter compilation
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().putAll(environment);
		try {
			return new ServiceProcess(name, log, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** The exit status, once the process has ended. */
	OptionalInt exitValue() {
		return this.process.isAlive() ? OptionalInt.empty() : OptionalInt.of(this.process.exitValue());
	}

	/** Waits up to {@code seconds} for the process to end by itself. */
	boolean awaitExit(long seconds) throws InterruptedException {
		return this.process.waitFor(seconds, TimeUnit.SECONDS);
	}

	/** SIGTERM (a graceful Spring Boot shutdown), then SIGKILL if it has not ended within 30 s. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
