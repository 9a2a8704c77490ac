package dev.userstream.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import dev.userstream.testsupport.ChildProcess;

/**
 * A JVM run as a {@link ChildProcess} (a service from its executable jar, or the Kafka Connect worker), so
 * that its memory (VmRSS, VmHWM) and CPU time are its own (read from {@code /proc}). Secrets go in
 * through the environment, never the command line. {@link #close()} sends SIGTERM, as a container
 * runtime would.
 */
final class MeasuredProcess implements Measured, AutoCloseable {

	static final String SINK = "sink";

	static final String PRODUCER = "producer";

	static final String CONNECT = "connect";

	private static final Duration READY_POLL = Duration.ofMillis(50);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String role;

	private final ChildProcess process;

	private CompletableFuture<Double> ready;

	private MeasuredProcess(String role, ChildProcess process) {
		this.role = role;
		this.process = process;
	}

	/** Starts {@code java -jar}; {@code role} ({@link #SINK}, {@link #PRODUCER}) keys its figures, {@code name} its log. */
	static MeasuredProcess start(String role, String name, Path jar, List<String> jvmOptions, List<String> arguments,
			Map<String, String> environment, Path logDirectory) {
		List<String> launch = new ArrayList<>(List.of("-jar", jar.toString()));
		launch.addAll(arguments);
		return java(role, name, jvmOptions, launch, environment, logDirectory);
	}

	/** Starts {@code java <jvmOptions> <launch>}, e.g. {@code -cp <class path> <main class> <arguments>}. */
	static MeasuredProcess java(String role, String name, List<String> jvmOptions, List<String> launch,
			Map<String, String> environment, Path logDirectory) {
		List<String> arguments = new ArrayList<>(jvmOptions);
		arguments.addAll(launch);
		ChildProcess process = ChildProcess.of(name, ChildProcess.java(arguments), environment, logDirectory.resolve(name + ".log"));
		return new MeasuredProcess(role, process.start());
	}

	@Override
	public String role() {
		return this.role;
	}

	Path log() {
		return this.process.log();
	}

	/**
	 * Starts timing process start → {@code ready} first holds, polled on another thread so that the run's
	 * windows go on meanwhile.
	 */
	MeasuredProcess timeReadiness(BooleanSupplier ready) {
		this.ready = readiness(ready);
		return this;
	}

	/** Readiness polled at a URL answering 200 once ready (Spring Boot's {@code /actuator/health/readiness}). */
	MeasuredProcess timeReadiness(URI url) {
		return timeReadiness(() -> {
			try {
				return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false; // not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		});
	}

	/** Seconds from start to ready (see {@link #timeReadiness}), waiting for it up to {@code timeout}. */
	double readySeconds(Duration timeout) {
		try {
			return this.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(this.process.name() + " was not ready after " + timeout + "; see " + log(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** Seconds from the process's start until {@code ready} first holds; fails when the process ends first. */
	private CompletableFuture<Double> readiness(BooleanSupplier ready) {
		return CompletableFuture.supplyAsync(() -> {
			while (this.process.isAlive()) {
				if (ready.getAsBoolean()) {
					return (System.nanoTime() - this.process.startedNanos()) / 1e9;
				}
				try {
					Thread.sleep(READY_POLL.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			throw new IllegalStateException(this.process.name() + " ended before it was ready; see " + log());
		}, (poll) -> {
			// a thread of its own: the common pool has a single thread on two cores, and processes start side by side
			Thread thread = new Thread(poll, this.process.name() + "-readiness");
			thread.setDaemon(true);
			thread.start();
		});
	}

	/** Fails with the log's location when the process has ended. */
	@Override
	public void checkAlive() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.process.name() + " exited with " + this.process.exitValue().orElse(-1) + "; see " + log());
		}
	}

	@Override
	public double rssMiB() {
		checkAlive();
		return ProcStat.statusMiB(this.process.pid(), "VmRSS:");
	}

	/** Peak resident set size so far, MiB. */
	double peakRssMiB() {
		checkAlive();
		return ProcStat.statusMiB(this.process.pid(), "VmHWM:");
	}

	@Override
	public double cpuSeconds() {
		checkAlive();
		return ProcStat.cpuSeconds(this.process.pid());
	}

	/** SIGTERM, as a container runtime would send, then SIGKILL after 40 s. */
	@Override
	public void close() {
		this.process.stop(Duration.ofSeconds(40));
	}

}
