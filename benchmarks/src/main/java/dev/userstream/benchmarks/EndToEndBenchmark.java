package dev.userstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Items 7 and 8: producer-service and sink-service (jpa) running together, each its own process.
 * First the producer is paced to {@value #OFFERED} records/s (batches of {@value #BATCH}; the pause is
 * calibrated once, since the schedule has a fixed delay after each cycle); latency is
 * {@code ingested_at − produced_at} of the stored rows, per window. Then the producer runs unpaced and
 * the sink's committed records/s is the maximum sustained rate of the pipeline on this machine.
 */
final class EndToEndBenchmark {

	static final int OFFERED = 5_000;

	static final int BATCH = 100;

	private static final String TOPIC = "bench-e2e";

	private final Services services;

	private final Broker broker;

	private final Database database;

	EndToEndBenchmark(Services services, Broker broker, Database database) {
		this.services = services;
		this.broker = broker;
		this.database = database;
	}

	EndToEndResult run(Duration window, int repeat) {
		this.database.truncate();
		this.broker.createTopic(TOPIC);
		EndToEndResult result = new EndToEndResult();
		try (MeasuredProcess sink = this.services.sinkJpa("e2e-sink", TOPIC, TOPIC)) {
			new ProgressWatch(() -> 0, List.of(sink)).awaitUntil(() -> this.broker.assigned(TOPIC), Duration.ofMinutes(2));
			paced(sink, window, repeat, result);
			unpaced(sink, window, repeat, result);
		}
		return result;
	}

	private void paced(MeasuredProcess sink, Duration window, int repeat, EndToEndResult result) {
		Duration pause = Duration.ofMillis(1000L * BATCH / OFFERED);
		MeasuredProcess producer = started(this.services.producer("e2e-producer-calibration", TOPIC, BATCH, pause), sink);
		ProgressWatch produced = watch(producer, () -> this.broker.recordCount(TOPIC), sink);
		produced.over(Duration.ofSeconds(3));
		double rate = produced.over(Duration.ofSeconds(3)).rate();
		if (Math.abs(rate - OFFERED) > OFFERED * 0.03) {
			producer.close();
			double cycleMillis = 1000.0 * BATCH / rate - pause.toMillis();
			pause = Duration.ofMillis(Math.max(1, Math.round(1000.0 * BATCH / OFFERED - cycleMillis)));
			producer = started(this.services.producer("e2e-producer", TOPIC, BATCH, pause), sink);
		}
		try (MeasuredProcess paced = producer) {
			ProgressWatch watch = watch(paced, () -> this.broker.committed(TOPIC, TOPIC), sink);
			watch.over(Duration.ofSeconds(3));
			List<long[]> bounds = new ArrayList<>();
			for (int i = 0; i < repeat; i++) {
				long start = System.currentTimeMillis();
				result.pacedWindows().add(watch.over(window));
				bounds.add(new long[] { start, System.currentTimeMillis() });
			}
			result.pause(pause);
			paced.close();
			awaitDrained(sink);
			latencies(bounds, result);
		}
	}

	private void unpaced(MeasuredProcess sink, Duration window, int repeat, EndToEndResult result) {
		try (MeasuredProcess producer = started(this.services.producer("e2e-producer-max", TOPIC, 500, Duration.ofMillis(1)), sink)) {
			ProgressWatch watch = watch(producer, () -> this.broker.committed(TOPIC, TOPIC), sink);
			watch.over(Duration.ofSeconds(3));
			for (int i = 0; i < repeat; i++) {
				long produced = this.broker.recordCount(TOPIC);
				Window sunk = watch.over(window);
				result.offeredAtMax().add((this.broker.recordCount(TOPIC) - produced) / sunk.seconds());
				result.maxWindows().add(sunk);
			}
			result.lagAtEnd(this.broker.recordCount(TOPIC) - this.broker.committed(TOPIC, TOPIC));
			result.peakRss().putAll(Map.of(sink.role(), sink.peakRssMiB(), producer.role(), producer.peakRssMiB()));
		}
	}

	/** Returns the producer once its first records are in the topic (start-up is not part of any window). */
	private MeasuredProcess started(MeasuredProcess producer, MeasuredProcess sink) {
		long before = this.broker.recordCount(TOPIC);
		watch(producer, () -> 0, sink).awaitUntil(() -> this.broker.recordCount(TOPIC) > before, Duration.ofMinutes(2));
		return producer;
	}

	private void awaitDrained(MeasuredProcess sink) {
		new ProgressWatch(() -> 0, List.of(sink)).awaitUntil(() -> this.broker.committed(TOPIC, TOPIC) >= this.broker.recordCount(TOPIC), Duration.ofMinutes(5));
	}

	/** Per window, the latencies of the rows produced in it, and the rate they were offered at. */
	private void latencies(List<long[]> bounds, EndToEndResult result) {
		List<double[]> rows = this.database.latencies();
		for (long[] bound : bounds) {
			double[] latencies = rows.stream()
				.filter((row) -> row[0] >= bound[0] && row[0] < bound[1])
				.mapToDouble((row) -> row[1])
				.sorted()
				.toArray();
			if (latencies.length == 0) {
				throw new IllegalStateException("none of the " + rows.size() + " rows was produced in an end-to-end window ("
						+ bound[0] + "–" + bound[1] + " ms); are the clocks of the database and this JVM apart?");
			}
			result.offered().add(latencies.length * 1000.0 / (bound[1] - bound[0]));
			result.p50().add(percentile(latencies, 50));
			result.p95().add(percentile(latencies, 95));
			result.p99().add(percentile(latencies, 99));
			result.max().add(Arrays.stream(latencies).max().orElseThrow());
		}
	}

	private static double percentile(double[] sorted, double percent) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percent / 100 * sorted.length) - 1)];
	}

	private static ProgressWatch watch(MeasuredProcess producer, java.util.function.LongSupplier progress, MeasuredProcess sink) {
		return new ProgressWatch(progress, List.of(producer, sink));
	}

}
