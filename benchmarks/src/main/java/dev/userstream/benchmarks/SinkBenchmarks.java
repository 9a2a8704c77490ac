package dev.userstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import dev.userstream.model.UserRecord;

/**
 * Items 4 and 5: sink-service itself (its jar, a fresh process per repeat), and its real peer (Kafka
 * Connect with Debezium's JDBC sink, likewise), consuming records that are already in Kafka, timed
 * the same way: by the records the consumer group has committed. The steady window runs from when the
 * group has committed the first 20 % of the records to when it has committed the last (consumer lag
 * 0); the launch window from the process's start to the same end.
 */
final class SinkBenchmarks {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private final Services services;

	private final ConnectPeer connect;

	private final Broker broker;

	private final Database database;

	private final Optional<DatabaseProcess> server;

	private int runs;

	SinkBenchmarks(Services services, ConnectPeer connect, Broker broker, Database database, Optional<DatabaseProcess> server) {
		this.services = services;
		this.connect = connect;
		this.broker = broker;
		this.database = database;
		this.server = server;
	}

	/** The jpa profile: rows/s, from records in Kafka to committed rows. */
	Runs jpa(Workload workload, int repeat) {
		List<UserRecord> users = workload.all();
		Runs runs = new Runs();
		for (int i = 0; i < repeat; i++) {
			this.database.truncate();
			String topic = topic("jpa");
			this.broker.fill(topic, users);
			try (MeasuredProcess sink = this.services.sinkJpa("sink-jpa-" + this.runs, topic, topic)) {
				runs.add(consume(sink, () -> this.broker.committed(topic, topic), workload), sink.readySeconds(READY_TIMEOUT));
				expectRows(Database.USERS, users.size());
			}
		}
		return runs;
	}

	/** The peer: the same users as JsonConverter envelopes, upserted into a table of the same shape. */
	Runs connect(Workload workload, int repeat) {
		List<UserRecord> users = workload.all();
		Runs runs = new Runs();
		for (int i = 0; i < repeat; i++) {
			this.database.truncate(Database.CONNECT_TABLE);
			String topic = topic("connect");
			this.broker.fillEnveloped(topic, users);
			String name = "connect-jdbc-" + this.runs;
			ConnectPeer.Worker worker = this.connect.start(name, topic);
			try (MeasuredProcess process = worker.process().timeReadiness(worker::running)) {
				LongSupplier committed = () -> this.broker.committed(ConnectPeer.group(name), topic);
				runs.add(consume(process, failFast(worker, committed), workload), process.readySeconds(READY_TIMEOUT));
				expectRows(Database.CONNECT_TABLE, users.size());
			}
		}
		return runs;
	}

	/** The s3 profile with the given layout ({@code per-record} or {@code batch}): users/s. */
	Runs s3(Workload workload, int repeat, String layout) {
		List<UserRecord> users = workload.all();
		Runs runs = new Runs();
		for (int i = 0; i < repeat; i++) {
			String topic = topic("s3-" + layout);
			this.broker.fill(topic, users);
			try (MeasuredProcess sink = this.services.sinkS3("sink-s3-" + this.runs, topic, topic, topic, layout)) {
				runs.add(consume(sink, () -> this.broker.committed(topic, topic), workload), sink.readySeconds(READY_TIMEOUT));
			}
		}
		return runs;
	}

	private ProgressWatch.Steady consume(MeasuredProcess process, LongSupplier committed, Workload workload) {
		List<Measured> measured = new ArrayList<>(List.of(process));
		this.server.ifPresent(measured::add);
		ProgressWatch watch = new ProgressWatch(committed, measured);
		ProgressWatch.Mark launch = watch.now();
		int total = workload.warmup().size() + workload.measured().size();
		return watch.steady(launch, workload.warmup().size(), total, Duration.ofSeconds(120 + total / 500));
	}

	/** The progress of a Connect run, failing as soon as the worker reports its sink failed (it would not exit). */
	private static LongSupplier failFast(ConnectPeer.Worker worker, LongSupplier committed) {
		long[] lastCheck = { 0 };
		return () -> {
			if (System.nanoTime() - lastCheck[0] > 1_000_000_000L) {
				lastCheck[0] = System.nanoTime();
				worker.checkNotFailed();
			}
			return committed.getAsLong();
		};
	}

	/**
	 * Checked while the writer still runs, once its group has committed every record: the committed offsets
	 * time the run, so they must not run ahead of the stored rows.
	 */
	private void expectRows(String table, int expected) {
		long rows = this.database.count(table);
		if (rows != expected) {
			throw new IllegalStateException("all " + expected + " records are committed, but " + table + " holds " + rows + " rows");
		}
	}

	private String topic(String what) {
		this.runs++;
		return "bench-" + what + "-" + this.runs;
	}

}
