package dev.userstream.benchmarks;

import java.util.Map;

/**
 * What happened between two moments of a run.
 *
 * @param count records done in the window
 * @param seconds length of the window
 * @param cpuSeconds per measured process, CPU seconds (user + system) it spent in the window
 * @param rssMiB per measured process, its resident set size at the end of the window
 */
record Window(long count, double seconds, Map<String, Double> cpuSeconds, Map<String, Double> rssMiB) {

	/**
	 * Records/s; NaN (reported as n/a) when the window saw none: a tiny run whose records were all committed
	 * at once, where a rate of 0 would be a wrong number rather than no number.
	 */
	double rate() {
		return (this.count > 0) ? this.count / this.seconds : Double.NaN;
	}

	/** CPU seconds the process spent per 100,000 records of this window. */
	double cpuPer100k(String process) {
		return cpuMicrosPerRow(process) / 10;
	}

	/** CPU µs the process spent per record of this window; NaN when it was not measured or no record was done. */
	double cpuMicrosPerRow(String process) {
		Double cpu = this.cpuSeconds.get(process);
		return (cpu != null && this.count > 0) ? cpu * 1e6 / this.count : Double.NaN;
	}

	/** Cores the process kept busy on average over the window. */
	double cores(String process) {
		Double cpu = this.cpuSeconds.get(process);
		return (cpu != null) ? cpu / this.seconds : Double.NaN;
	}

}
