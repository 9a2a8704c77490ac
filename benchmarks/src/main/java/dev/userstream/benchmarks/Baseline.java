package dev.userstream.benchmarks;

/**
 * One in-process baseline writer's figures over the repeats.
 *
 * @param rate rows/s
 * @param writerCpuMicros CPU µs per row of the writing thread (the JDBC driver's client side)
 * @param databaseCpuMicros CPU µs per row of the database server, n/a when it is not a local process
 */
record Baseline(Figure rate, Figure writerCpuMicros, Figure databaseCpuMicros) {

	double median() {
		return this.rate.median();
	}

	String describe() {
		return this.rate.describe();
	}

}
