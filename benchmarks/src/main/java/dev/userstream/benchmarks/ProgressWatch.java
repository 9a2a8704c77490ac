package dev.userstream.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import static org.awaitility.Awaitility.await;

/**
 * Times a run by watching a progress counter (committed offsets, topic end offsets) and samples the
 * processes' CPU time and RSS at both ends of the window.
 */
final class ProgressWatch {

	private static final Duration POLL = Duration.ofMillis(20);

	private final LongSupplier progress;

	private final List<Measured> processes;

	ProgressWatch(LongSupplier progress, List<? extends Measured> processes) {
		this.progress = progress;
		this.processes = List.copyOf(processes);
	}

	/** The window from when progress first reaches {@code from} to when it reaches {@code to}. */
	Window between(long from, long to, Duration timeout) {
		return steady(now(), from, to, timeout).steady();
	}

	/** A mark at this moment: take it right after starting the processes for {@link #steady}'s launch window. */
	Mark now() {
		return mark(this.progress.getAsLong());
	}

	/**
	 * The steady window (progress from {@code from} to {@code to}) and the one from {@code launch} to the
	 * same end.
	 */
	Steady steady(Mark launch, long from, long to, Duration timeout) {
		Mark start = awaitMark(() -> this.progress.getAsLong() >= from, timeout);
		Mark end = awaitMark(() -> this.progress.getAsLong() >= to, timeout);
		return new Steady(window(start, end), window(launch, end));
	}

	/** The window of the next {@code duration}. */
	Window over(Duration duration) {
		Mark start = mark(this.progress.getAsLong());
		long endNanos = start.nanos() + duration.toNanos();
		Mark end = awaitMark(() -> System.nanoTime() >= endNanos, duration.plusSeconds(10));
		return window(start, end);
	}

	/** Waits until {@code condition} holds, failing early when a process dies. */
	void awaitUntil(java.util.concurrent.Callable<Boolean> condition, Duration timeout) {
		await().atMost(timeout).pollInterval(POLL).pollDelay(Duration.ZERO).until(() -> {
			this.processes.forEach(Measured::checkAlive);
			return condition.call();
		});
	}

	private Mark awaitMark(java.util.concurrent.Callable<Boolean> condition, Duration timeout) {
		awaitUntil(condition, timeout);
		return mark(this.progress.getAsLong());
	}

	private Mark mark(long count) {
		Map<String, Double> cpu = new LinkedHashMap<>();
		Map<String, Double> rss = new LinkedHashMap<>();
		for (Measured process : this.processes) {
			cpu.put(process.role(), process.cpuSeconds());
			rss.put(process.role(), process.rssMiB());
		}
		return new Mark(System.nanoTime(), count, cpu, rss);
	}

	private static Window window(Mark start, Mark end) {
		Map<String, Double> cpu = new LinkedHashMap<>();
		end.cpu().forEach((name, seconds) -> cpu.put(name, seconds - start.cpu().get(name)));
		return new Window(end.count() - start.count(), (end.nanos() - start.nanos()) / 1e9, cpu, end.rss());
	}

	record Mark(long nanos, long count, Map<String, Double> cpu, Map<String, Double> rss) {
	}

	/**
	 * One run's two windows.
	 *
	 * @param steady from the first 20 % of the records on
	 * @param launch from the process's start
	 */
	record Steady(Window steady, Window launch) {
	}

}
