package dev.userstream.benchmarks;

import java.time.Duration;
import java.util.List;

import dev.userstream.model.UserRecord;

/**
 * Items 4 and 5: sink-service itself (its jar, a fresh process per repeat) consuming records that are
 * already in Kafka: warm-up records first, then the window from when the group has committed them
 * to when it has committed the last record (consumer lag 0).
 */
final class SinkBenchmarks {

	private final Services services;

	private final Broker broker;

	private final Database database;

	private int runs;

	SinkBenchmarks(Services services, Broker broker, Database database) {
		this.services = services;
		this.broker = broker;
		this.database = database;
	}

	/** The jpa profile: rows/s, from records in Kafka to committed rows. */
	Runs jpa(Workload workload, int repeat) {
		List<UserRecord> users = workload.all();
		Runs runs = new Runs();
		for (int i = 0; i < repeat; i++) {
			this.database.truncate();
			String topic = topic("jpa");
			this.broker.fill(topic, users);
			try (ServiceProcess sink = this.services.sinkJpa("sink-jpa-" + this.runs, topic, topic)) {
				runs.add(consume(sink, topic, workload.warmup().size(), users.size()));
			}
			if (this.database.count() != users.size()) {
				throw new IllegalStateException("expected " + users.size() + " rows, found " + this.database.count());
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
			try (ServiceProcess sink = this.services.sinkS3("sink-s3-" + this.runs, topic, topic, topic, layout)) {
				runs.add(consume(sink, topic, workload.warmup().size(), users.size()));
			}
		}
		return runs;
	}

	private Window consume(ServiceProcess sink, String topic, int warmup, int total) {
		ProgressWatch watch = new ProgressWatch(() -> this.broker.committed(topic, topic), List.of(sink));
		Duration timeout = Duration.ofSeconds(120 + total / 500);
		return watch.between(warmup, total, timeout);
	}

	private String topic(String what) {
		this.runs++;
		return "bench-" + what + "-" + this.runs;
	}

}
