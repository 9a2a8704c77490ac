package dev.userstream.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The targets, each with the figure that decides it.
 */
final class TargetsReport {

	private static final double RSS_LIMIT_MIB = 300;

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
		ratio("sink-jpa ≥ 0.6 × raw limit (" + ((r.sinkJpa != null) ? r.rawVariant() : "–") + ")", r.jpaVsRaw(), 0.6);
		ratio("sink-jpa ≥ 1.5 × peer upsert", r.jpaVsPeer(), 1.5);
		ratio("sink-jpa ≥ 10 × original", r.jpaVsOriginal(), 10);
		ratio("sink-s3 (per-record) ≥ 0.8 × raw PutObject, same concurrency", r.s3VsRaw(), 0.8);
		ratio("producer ≥ 0.5 × bare send (all sent, then awaited)", r.producerVsBare(), 0.5);
		if (r.endToEnd != null) {
			double p99 = r.endToEndP99();
			this.lines.add(String.format(Locale.ROOT, "| end to end at 5,000/s: p99 < 1 s | %.0f ms | %s |", p99, met(p99 < 1000)));
			double producer = r.endToEnd.peakRss().get(ServiceProcess.PRODUCER);
			double sink = r.endToEnd.peakRss().get(ServiceProcess.SINK);
			this.lines.add(String.format(Locale.ROOT, "| each service < 300 MiB RSS (peak, end to end) | producer %.0f, sink %.0f MiB | %s |",
					producer, sink, met(producer < RSS_LIMIT_MIB && sink < RSS_LIMIT_MIB)));
		}
	}

	private void ratio(String target, Double value, double required) {
		if (value != null) {
			this.lines.add(String.format(Locale.ROOT, "| %s | %s | %s |", target, Report.times(value), met(value >= required)));
		}
	}

	private static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

}
