package dev.userstream.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows of one measurement's repeats.
 */
final class Runs {

	private final List<Window> windows = new ArrayList<>();

	void add(Window window) {
		this.windows.add(window);
	}

	Figure rate() {
		return new Figure(this.windows.stream().map(Window::rate).toList());
	}

	Figure cpuPer100k(String process) {
		return new Figure(this.windows.stream().map((window) -> window.cpuPer100k(process)).toList());
	}

	Figure rssMiB(String process) {
		return new Figure(this.windows.stream().map((window) -> window.rssMiB().get(process)).toList());
	}

	long count() {
		return this.windows.isEmpty() ? 0 : this.windows.get(0).count();
	}

}
