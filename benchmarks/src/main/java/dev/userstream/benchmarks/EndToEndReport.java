package dev.userstream.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The report's end-to-end and process sections (items 7 and 8).
 */
final class EndToEndReport {

	private final EndToEndResult result;

	private final List<String> lines;

	EndToEndReport(EndToEndResult result, List<String> lines) {
		this.result = result;
		this.lines = lines;
	}

	void render() {
		EndToEndResult r = this.result;
		this.lines.add("");
		this.lines.add("## End to end (items 7–8): producer and sink-jpa running together, each its own process");
		this.lines.add("");
		this.lines.add(String.format(Locale.ROOT, "Offered %,d records/s: producer batches of %d, pause %d ms (calibrated); "
				+ "latency = `ingested_at − produced_at` of the rows produced in each window.", EndToEndBenchmark.OFFERED,
				EndToEndBenchmark.BATCH, r.pause().toMillis()));
		this.lines.add("");
		this.lines.add("| offered records/s | p50 ms | p95 ms | p99 ms | max ms |");
		this.lines.add("|---:|---:|---:|---:|---:|");
		this.lines.add("| " + String.join(" | ", new Figure(r.offered()).describe(), new Figure(r.p50()).describe(),
				new Figure(r.p95()).describe(), new Figure(r.p99()).describe(), new Figure(r.max()).describe()) + " |");
		this.lines.add("");
		this.lines.add(String.format(Locale.ROOT, "Maximum sustained rate (producer unpaced, batches of 500): the sink commits "
				+ "**%s records/s** while the producer offers %s records/s; lag at the end: %,d records.",
				r.atMax().rate().describe(), new Figure(r.offeredAtMax()).describe(), r.lagAtEnd()));
		this.lines.add("");
		this.lines.add("| process | RSS at 5,000/s, MiB | peak RSS (VmHWM), MiB | CPU s per 100k records at 5,000/s | at max rate |");
		this.lines.add("|---|---:|---:|---:|---:|");
		process(MeasuredProcess.PRODUCER);
		process(MeasuredProcess.SINK);
	}

	private void process(String role) {
		Runs paced = this.result.paced();
		Runs max = this.result.atMax();
		this.lines.add(String.format(Locale.ROOT, "| %s | %s | %.0f | %s | %s |", (role.equals(MeasuredProcess.SINK) ? "sink-jpa" : role),
				paced.rssMiB(role).describe(), this.result.peakRss().get(role), paced.cpuPer100k(role).describeDecimal(),
				max.cpuPer100k(role).describeDecimal()));
	}

}
