package dev.userstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A program run as a child process, with its output (stdout and stderr together) in a log file: the
 * one lifecycle behind the services' jars run by the tests, {@code ./run-local.sh} and {@code ./bench.sh},
 * and behind the broker and S3 servers that must outlive a restart. It can be started again after it
 * ended, and then appends to the same log. Settings and secrets go in through the environment, never
 * the command line (the process list shows that to every user of the machine).
 */
public final class ChildProcess implements AutoCloseable {

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private final boolean appendToLog;

	private Process process;

	private long startedNanos;

	private ChildProcess(String name, List<String> command, Map<String, String> environment, Path log, boolean appendToLog) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = new LinkedHashMap<>(environment);
		this.log = log;
		this.appendToLog = appendToLog;
	}

	/**
	 * A process (not started) whose log starts empty at its first start and grows across restarts.
	 * @param name how messages name it
	 * @param command the program and its arguments ({@link #java} for a JVM)
	 * @param environment variables added to this JVM's environment
	 * @param log the file its output goes to; its directory is created
	 */
	public static ChildProcess of(String name, List<String> command, Map<String, String> environment, Path log) {
		return new ChildProcess(name, command, environment, log, false);
	}

	/** Like {@link #of}, appending to {@code log} from the first start on (a log shared with other runs). */
	public static ChildProcess appendingTo(String name, List<String> command, Map<String, String> environment, Path log) {
		return new ChildProcess(name, command, environment, log, true);
	}

	/** The command {@code java <arguments>} with this JVM's own {@code java}. */
	public static List<String> java(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(arguments);
		return command;
	}

	/** Starts the process; once it has ended it may be started again (its output then goes after the last run's). */
	public synchronized ChildProcess start() {
		if (isAlive()) {
			throw new IllegalStateException(this.name + " runs already");
		}
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true);
		try {
			Files.createDirectories(this.log.toAbsolutePath().getParent());
			boolean append = this.appendToLog || this.process != null;
			builder.redirectOutput(append ? ProcessBuilder.Redirect.appendTo(this.log.toFile()) : ProcessBuilder.Redirect.to(this.log.toFile()));
			builder.environment().putAll(this.environment);
			this.startedNanos = System.nanoTime();
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
		}
		return this;
	}

	/** Starts the process and waits up to {@code timeout} for it to end; fails unless it ended with 0. */
	public void run(Duration timeout) {
		start();
		if (!awaitExit(timeout)) {
			stop(Duration.ZERO);
			throw new IllegalStateException(this.name + " did not end within " + timeout + "; see " + this.log);
		}
		int status = this.process.exitValue();
		if (status != 0) {
			throw new IllegalStateException(this.name + " ended with " + status + "; see " + this.log);
		}
	}

	/** The name messages use. */
	public String name() {
		return this.name;
	}

	/** The log file. */
	public Path log() {
		return this.log;
	}

	/** Whether the process runs. */
	public synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** The process id; fails before the first start. */
	public synchronized long pid() {
		return started().pid();
	}

	/** When the last start happened, as {@link System#nanoTime()}. */
	public synchronized long startedNanos() {
		return this.startedNanos;
	}

	/** The exit status, once the process has ended; empty while it runs or before it started. */
	public synchronized OptionalInt exitValue() {
		return (this.process == null || this.process.isAlive()) ? OptionalInt.empty() : OptionalInt.of(this.process.exitValue());
	}

	/** Waits up to {@code timeout} for the process to end by itself; whether it has. Keeps the interrupt. */
	public boolean awaitExit(Duration timeout) {
		Process running;
		synchronized (this) {
			running = started();
		}
		try {
			return running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !running.isAlive();
		}
	}

	/** SIGTERM (a graceful shutdown, as a container runtime would send), without waiting. */
	public synchronized void terminate() {
		if (this.process != null) {
			this.process.destroy();
		}
	}

	/** SIGKILL: the process dies at once, without shutdown hooks; returns without waiting. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * SIGTERM, then SIGKILL once {@code grace} has passed; returns when the process is gone (or after a
	 * further 30 s, should even SIGKILL not end it). Does nothing when it does not run.
	 */
	public void stop(Duration grace) {
		if (!isAlive()) {
			return;
		}
		terminate();
		if (!awaitExit(grace)) {
			kill();
			awaitExit(Duration.ofSeconds(30));
		}
	}

	/** {@link #stop} with 30 s of grace: a Spring Boot service drains its listeners in that time. */
	@Override
	public void close() {
		stop(Duration.ofSeconds(30));
	}

	private Process started() {
		if (this.process == null) {
			throw new IllegalStateException(this.name + " has not been started");
		}
		return this.process;
	}

	@Override
	public String toString() {
		return "ChildProcess[" + this.name + ", " + this.log + "]";
	}

}
