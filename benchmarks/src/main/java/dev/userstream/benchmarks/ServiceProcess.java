package dev.userstream.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service run from its executable jar as a child process, so that its memory (VmRSS, VmHWM) and CPU
 * time are its own (read from {@code /proc}). Secrets go in through the environment, never the
 * command line. {@link #close()} sends SIGTERM, as a container runtime would.
 */
final class ServiceProcess implements AutoCloseable {

	/** USER_HZ: /proc reports CPU time in these ticks on Linux. */
	private static final double TICKS_PER_SECOND = 100;

	static final String SINK = "sink";

	static final String PRODUCER = "producer";

	private final String role;

	private final String name;

	private final Process process;

	private final Path log;

	private ServiceProcess(String role, String name, Process process, Path log) {
		this.role = role;
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/** Starts {@code java -jar}; {@code role} ({@link #SINK}, {@link #PRODUCER}) keys its figures, {@code name} its log. */
	static ServiceProcess start(String role, String name, Path jar, List<String> jvmOptions, List<String> arguments,
			Map<String, String> environment, Path logDirectory) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(arguments);
		try {
			Files.createDirectories(logDirectory);
			Path log = logDirectory.resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			return new ServiceProcess(role, name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	String role() {
		return this.role;
	}

	/** Fails with the log's location when the process has ended. */
	void checkAlive() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
		}
	}

	/** Resident set size now, MiB. */
	double rssMiB() {
		return statusKiB("VmRSS:") / 1024.0;
	}

	/** Peak resident set size so far, MiB. */
	double peakRssMiB() {
		return statusKiB("VmHWM:") / 1024.0;
	}

	/** CPU seconds (user + system) used so far. */
	double cpuSeconds() {
		String stat = read(Path.of("/proc", Long.toString(this.process.pid()), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
	}

	private long statusKiB(String field) {
		for (String line : read(Path.of("/proc", Long.toString(this.process.pid()), "status")).split("\n")) {
			if (line.startsWith(field)) {
				return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
			}
		}
		throw new IllegalStateException(field + " not in /proc status of " + this.name);
	}

	private String read(Path path) {
		checkAlive();
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(40, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
