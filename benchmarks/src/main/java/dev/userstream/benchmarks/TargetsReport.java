package dev.userstream.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The targets, each with the figure that decides it.
 */
final class TargetsReport {

	private static final double RSS_LIMIT_MIB = 256;

	private static final double READY_LIMIT_SECONDS = 5;

	private static final double P99_LIMIT_MILLIS = 250;

	/** The offered rate counts as the 5,000/s asked within the pacing's calibration tolerance (3 %). */
	private static final double OFFERED_MINIMUM = EndToEndBenchmark.OFFERED * 0.97;

	private final Results results;

	private final List<String> lines;

	TargetsReport(Results results, List<String> lines) {
		this.results = results;
		this.lines = lines;
	}

	void render() {
		Results r = this.results;
		this.lines.add("");
		this.lines.add("## Targets");
		this.lines.add("");
		this.lines.add("| target | measured | met |");
		this.lines.add("|---|---:|:---:|");
		atLeast("sink-jpa steady rows/s ≥ 3 × the real Kafka Connect + Debezium JDBC sink", r.jpaVsConnect(), 3);
		atMost("sink-jpa CPU per row ≤ 0.2 × Connect's (processes, steady)", r.jpaCpuVsConnect(), 0.2);
		atLeast("sink-jpa ≥ 0.6 × raw limit (" + ((r.sinkJpa != null) ? r.rawVariant() : "–") + ")", r.jpaVsRaw(), 0.6);
		atLeast("sink-jpa ≥ 1.5 × simulated upsert loop", r.jpaVsSimulated(), 1.5);
		atLeast("sink-jpa ≥ 10 × original", r.jpaVsOriginal(), 10);
		atLeast("sink-s3 (per-record) ≥ 0.8 × raw PutObject, same concurrency", r.s3VsRaw(), 0.8);
		atLeast("producer ≥ 0.5 × bare send (all sent, then awaited)", r.producerVsBare(), 0.5);
		if (r.endToEnd != null) {
			double offered = r.endToEndOffered();
			this.lines.add(String.format(Locale.ROOT, "| end to end: the producer offers %,d records/s | %,.0f /s | %s |",
					EndToEndBenchmark.OFFERED, offered, met(offered >= OFFERED_MINIMUM)));
			double p99 = r.endToEndP99();
			this.lines.add(String.format(Locale.ROOT, "| end to end at 5,000/s: p99 < %.0f ms | %.0f ms | %s |", P99_LIMIT_MILLIS, p99,
					met(p99 < P99_LIMIT_MILLIS)));
			double producer = r.rssAtOffered(MeasuredProcess.PRODUCER);
			double sink = r.rssAtOffered(MeasuredProcess.SINK);
			this.lines.add(String.format(Locale.ROOT, "| each service ≤ %.0f MiB RSS at 5,000 records/s | producer %.0f, sink %.0f MiB | %s |",
					RSS_LIMIT_MIB, producer, sink, met(producer <= RSS_LIMIT_MIB && sink <= RSS_LIMIT_MIB)));
		}
		if (r.sinkReady() != null && r.producerReady() != null) {
			this.lines.add(String.format(Locale.ROOT, "| each service ready ≤ %.0f s (process start → readiness UP; an idle machine) "
					+ "| producer %.1f, sink %.1f s | %s |", READY_LIMIT_SECONDS, r.producerReady(), r.sinkReady(),
					met(r.producerReady() <= READY_LIMIT_SECONDS && r.sinkReady() <= READY_LIMIT_SECONDS)));
		}
	}

	private void atLeast(String target, Double value, double required) {
		if (value != null) {
			this.lines.add(String.format(Locale.ROOT, "| %s | %s | %s |", target, Report.times(value), met(value, value >= required)));
		}
	}

	private void atMost(String target, Double value, double limit) {
		if (value != null) {
			this.lines.add(String.format(Locale.ROOT, "| %s | %s | %s |", target, Report.times(value), met(value, value <= limit)));
		}
	}

	/** Neither yes nor no for a figure a tiny run could not measure (an empty steady window). */
	private static String met(double value, boolean met) {
		return Double.isNaN(value) ? "–" : met(met);
	}

	private static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

}
