package dev.userstream.benchmarks;

import java.util.Map;

/**
 * What happened between two moments of a run.
 *
 * @param count records done in the window
 * @param seconds length of the window
 * @param cpuSeconds per service process, CPU seconds (user + system) it spent in the window
 * @param rssMiB per service process, its resident set size at the end of the window
 */
record Window(long count, double seconds, Map<String, Double> cpuSeconds, Map<String, Double> rssMiB) {

	/** Records/s; 0 when the window saw none (a tiny run whose records all came in one poll). */
	double rate() {
		return (this.count > 0) ? this.count / this.seconds : 0;
	}

	/** CPU seconds the process spent per 100,000 records of this window. */
	double cpuPer100k(String process) {
		return (this.count > 0) ? this.cpuSeconds.get(process) * 100_000 / this.count : 0;
	}

}
