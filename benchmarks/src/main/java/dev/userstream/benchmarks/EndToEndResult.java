package dev.userstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link EndToEndBenchmark} measured, per window.
 */
final class EndToEndResult {

	private final List<Window> pacedWindows = new ArrayList<>();

	private final List<Window> maxWindows = new ArrayList<>();

	private final List<Double> offered = new ArrayList<>();

	private final List<Double> offeredAtMax = new ArrayList<>();

	private final List<Double> p50 = new ArrayList<>();

	private final List<Double> p95 = new ArrayList<>();

	private final List<Double> p99 = new ArrayList<>();

	private final List<Double> max = new ArrayList<>();

	private final Map<String, Double> peakRss = new LinkedHashMap<>();

	private Duration pause;

	private long lagAtEnd;

	List<Window> pacedWindows() {
		return this.pacedWindows;
	}

	List<Window> maxWindows() {
		return this.maxWindows;
	}

	List<Double> offered() {
		return this.offered;
	}

	List<Double> offeredAtMax() {
		return this.offeredAtMax;
	}

	List<Double> p50() {
		return this.p50;
	}

	List<Double> p95() {
		return this.p95;
	}

	List<Double> p99() {
		return this.p99;
	}

	List<Double> max() {
		return this.max;
	}

	Map<String, Double> peakRss() {
		return this.peakRss;
	}

	Duration pause() {
		return this.pause;
	}

	void pause(Duration pause) {
		this.pause = pause;
	}

	long lagAtEnd() {
		return this.lagAtEnd;
	}

	void lagAtEnd(long lag) {
		this.lagAtEnd = lag;
	}

	Runs paced() {
		Runs runs = new Runs();
		this.pacedWindows.forEach(runs::add);
		return runs;
	}

	Runs atMax() {
		Runs runs = new Runs();
		this.maxWindows.forEach(runs::add);
		return runs;
	}

}
