package dev.userstream.benchmarks;

/**
 * A process whose CPU time and memory a run samples from {@code /proc}: a service, the Connect worker,
 * the database server.
 */
interface Measured {

	/** Keys its figures in a {@link Window}. */
	String role();

	/** CPU seconds (user + system) used so far. */
	double cpuSeconds();

	/** Resident set size now, MiB. */
	double rssMiB();

	/** Fails when the process has ended (a run must not wait for a dead one). */
	void checkAlive();

}
