package dev.userstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.userstream.model.UserRecord;

/**
 * Items 1–3 of the report: the raw limit (best of JDBC batch and multi-row INSERT), the simulated
 * upsert loop and the original's way, each on an emptied table, warmed up first, with the CPU the
 * writing thread and the database server spent per row.
 */
final class DatabaseBenchmarks {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Database database;

	private final Optional<DatabaseProcess> server;

	private final JdbcWriters writers;

	DatabaseBenchmarks(Database database, Optional<DatabaseProcess> server) {
		this.database = database;
		this.server = server;
		this.writers = new JdbcWriters(database.endpoint());
	}

	Baseline jdbcBatch(Workload users, int repeat) {
		return measure(users, repeat, this.writers::jdbcBatch);
	}

	Baseline multiRow(Workload users, int repeat) {
		return measure(users, repeat, this.writers::multiRow);
	}

	Baseline simulatedUpsert(Workload users, int repeat) {
		return measure(users, repeat, this.writers::multiRowUpsert);
	}

	Baseline original(Workload users, int repeat) {
		return measure(users, repeat, this.writers::rowByRow);
	}

	private Baseline measure(Workload workload, int repeat, Writer writer) {
		double[] rates = new double[repeat];
		double[] writerCpu = new double[repeat];
		double[] databaseCpu = new double[repeat];
		List<UserRecord> users = workload.measured();
		run(workload.warmup(), writer);
		for (int i = 0; i < repeat; i++) {
			long threadNanos = THREADS.getCurrentThreadCpuTime();
			double serverSeconds = this.server.map(DatabaseProcess::cpuSeconds).orElse(Double.NaN);
			rates[i] = users.size() / run(users, writer);
			writerCpu[i] = (THREADS.getCurrentThreadCpuTime() - threadNanos) / 1e3 / users.size();
			databaseCpu[i] = (this.server.map(DatabaseProcess::cpuSeconds).orElse(Double.NaN) - serverSeconds) * 1e6 / users.size();
			if (this.database.count() != users.size()) {
				throw new IllegalStateException("expected " + users.size() + " rows, found " + this.database.count());
			}
		}
		return new Baseline(Figure.of(rates), Figure.of(writerCpu), Figure.of(databaseCpu));
	}

	/** Seconds to write the users into the emptied table. */
	private double run(List<UserRecord> users, Writer writer) {
		this.database.truncate();
		long start = System.nanoTime();
		try {
			writer.write(users);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("JDBC baseline failed", ex);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private interface Writer {

		void write(List<UserRecord> users) throws SQLException;

	}

}
