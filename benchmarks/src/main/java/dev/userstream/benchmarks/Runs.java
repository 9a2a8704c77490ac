package dev.userstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The windows of one measurement's repeats: the steady ones (after the first 20 % of the records),
 * and for a process started per repeat, the ones from its launch and the seconds it took to be ready.
 */
final class Runs {

	private final List<Window> windows = new ArrayList<>();

	private final List<Window> launches = new ArrayList<>();

	private final List<Double> ready = new ArrayList<>();

	void add(Window window) {
		this.windows.add(window);
	}

	/** One repeat of a process started for it: both windows, and process start → ready in seconds. */
	void add(ProgressWatch.Steady windows, double readySeconds) {
		this.windows.add(windows.steady());
		this.launches.add(windows.launch());
		this.ready.add(readySeconds);
	}

	Figure rate() {
		return figure(this.windows, Window::rate);
	}

	/** Records/s from the process's launch to the last record. */
	Figure launchRate() {
		return figure(this.launches, Window::rate);
	}

	Figure ready() {
		return new Figure(this.ready);
	}

	Figure cpuPer100k(String process) {
		return figure(this.windows, (window) -> window.cpuPer100k(process));
	}

	Figure cpuMicrosPerRow(String process) {
		return figure(this.windows, (window) -> window.cpuMicrosPerRow(process));
	}

	Figure launchCpuMicrosPerRow(String process) {
		return figure(this.launches, (window) -> window.cpuMicrosPerRow(process));
	}

	Figure cores(String process) {
		return figure(this.windows, (window) -> window.cores(process));
	}

	Figure rssMiB(String process) {
		return figure(this.windows, (window) -> window.rssMiB().getOrDefault(process, Double.NaN));
	}

	long count() {
		return this.windows.isEmpty() ? 0 : this.windows.get(0).count();
	}

	private static Figure figure(List<Window> windows, ToDoubleFunction<Window> value) {
		return new Figure(windows.stream().map(value::applyAsDouble).toList());
	}

}
