package dev.userstream.benchmarks;

import java.sql.SQLException;
import java.util.List;

import dev.userstream.model.UserRecord;

/**
 * Items 1–3 of the report: the raw limit (best of JDBC batch and multi-row INSERT), the peer upsert
 * and the original's way, each on an emptied table, warmed up first.
 */
final class DatabaseBenchmarks {

	private final Database database;

	private final JdbcWriters writers;

	DatabaseBenchmarks(Database database) {
		this.database = database;
		this.writers = new JdbcWriters(database.endpoint());
	}

	Figure jdbcBatch(Workload users, int repeat) {
		return measure(users, repeat, this.writers::jdbcBatch);
	}

	Figure multiRow(Workload users, int repeat) {
		return measure(users, repeat, this.writers::multiRow);
	}

	Figure peerUpsert(Workload users, int repeat) {
		return measure(users, repeat, this.writers::multiRowUpsert);
	}

	Figure original(Workload users, int repeat) {
		return measure(users, repeat, this.writers::rowByRow);
	}

	private Figure measure(Workload workload, int repeat, Writer writer) {
		double[] rates = new double[repeat];
		List<UserRecord> users = workload.measured();
		run(workload.warmup(), writer);
		for (int i = 0; i < repeat; i++) {
			rates[i] = users.size() / run(users, writer);
			if (this.database.count() != users.size()) {
				throw new IllegalStateException("expected " + users.size() + " rows, found " + this.database.count());
			}
		}
		return Figure.of(rates);
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
