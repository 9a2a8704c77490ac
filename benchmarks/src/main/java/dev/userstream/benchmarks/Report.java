package dev.userstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown report: one section per item of the benchmark, the targets, and the RATIOS line last.
 */
final class Report {

	private final Results results;

	private final BenchmarkOptions options;

	private final List<String> lines = new ArrayList<>();

	Report(Results results, BenchmarkOptions options) {
		this.results = results;
		this.options = options;
	}

	String render() {
		this.lines.add("# userstream benchmark report");
		this.lines.add("");
		this.results.header.forEach((line) -> this.lines.add("- " + line));
		if (this.results.sinkJpa != null) {
			database();
		}
		if (this.results.s3PerRecord != null) {
			s3();
		}
		producer();
		if (this.results.endToEnd != null) {
			new EndToEndReport(this.results.endToEnd, this.lines).render();
		}
		new TargetsReport(this.results, this.lines).render();
		this.lines.add("");
		this.lines.add(this.results.ratios());
		return String.join("\n", this.lines) + "\n";
	}

	private void database() {
		Results r = this.results;
		section("Database writes (items 1–4): the same rows into the same `users` table, 500 rows a transaction");
		this.lines.add("| writer | rows | rows/s, median (range) | sink-jpa ÷ this |");
		this.lines.add("|---|---:|---:|---:|");
		double jpa = r.sinkJpa.rate().median();
		row("raw limit: plain JDBC batch (`addBatch`/`executeBatch`)", this.options.records(), r.rawBatch, jpa);
		row("raw limit: one multi-row `INSERT … VALUES (…),(…)` per batch", this.options.records(), r.rawMultiRow, jpa);
		row("peer: multi-row `INSERT … ON DUPLICATE KEY UPDATE` (Kafka Connect JDBC sink, upsert mode)", this.options.records(), r.peer, jpa);
		row("original: one INSERT + commit per row", this.options.originalRecords(), r.original, jpa);
		row("**userstream sink-jpa**: its jar, records already in Kafka → committed rows (lag 0)", this.options.records(),
				r.sinkJpa.rate(), jpa);
		this.lines.add("");
		this.lines.add(String.format(Locale.ROOT, "sink-jpa process: %s CPU s per 100k rows, RSS %s MiB at the end of the window.",
				r.sinkJpa.cpuPer100k(ServiceProcess.SINK).describeDecimal(), r.sinkJpa.rssMiB(ServiceProcess.SINK).describe()));
	}

	private void s3() {
		Results r = this.results;
		section("S3 (item 5): S3Mock, " + S3Baseline.CONCURRENCY + " PutObject requests in flight");
		this.lines.add("| writer | users | users/s, median (range) | ÷ raw PutObject |");
		this.lines.add("|---|---:|---:|---:|");
		double raw = r.s3Raw.median();
		ratioRow("raw: SDK `PutObject` loop, one object per user", this.options.s3PerRecordRecords(), r.s3Raw, raw);
		ratioRow("**userstream sink-s3**, `per-record` layout (one object per user)", this.options.s3PerRecordRecords(),
				r.s3PerRecord.rate(), raw);
		ratioRow("**userstream sink-s3**, `batch` layout (one NDJSON object per partition per poll)", this.options.records(),
				r.s3Batch.rate(), raw);
		this.lines.add("");
		this.lines.add(String.format(Locale.ROOT, "sink-s3 process, per-record: %s CPU s per 100k users; batch: %s.",
				r.s3PerRecord.cpuPer100k(ServiceProcess.SINK).describeDecimal(),
				r.s3Batch.cpuPer100k(ServiceProcess.SINK).describeDecimal()));
	}

	private void producer() {
		Results r = this.results;
		section("Producer (item 6): " + this.options.records() + " records, batches of " + ProducerBenchmarks.BATCH
				+ ", acks=all, idempotent, lz4");
		this.lines.add("| path | records/s, median (range) | producer ÷ this |");
		this.lines.add("|---|---:|---:|");
		double producer = r.producer.rate().median();
		this.lines.add("| bare `KafkaTemplate`, pre-built records, all sent then awaited (**the reference**) | "
				+ r.bareAll.describe() + " | " + times(producer / r.bareAll.median()) + " |");
		this.lines.add("| bare `KafkaTemplate`, pre-built records, each 500 flushed and awaited | " + r.bareBatch.describe() + " | "
				+ times(producer / r.bareBatch.median()) + " |");
		this.lines.add("| **userstream producer**: its jar, generate → map → encrypt 3 fields → send → await acks | "
				+ r.producer.rate().describe() + " | 1.00× |");
		this.lines.add("");
		this.lines.add(String.format(Locale.ROOT, "producer process: %s CPU s per 100k records, RSS %s MiB.",
				r.producer.cpuPer100k(ServiceProcess.PRODUCER).describeDecimal(), r.producer.rssMiB(ServiceProcess.PRODUCER).describe()));
	}

	private void row(String what, int rows, Figure rate, double jpa) {
		this.lines.add(String.format(Locale.ROOT, "| %s | %,d | %s | %s |", what, rows, rate.describe(), times(jpa / rate.median())));
	}

	private void ratioRow(String what, int users, Figure rate, double raw) {
		this.lines.add(String.format(Locale.ROOT, "| %s | %,d | %s | %s |", what, users, rate.describe(), times(rate.median() / raw)));
	}

	private void section(String title) {
		this.lines.add("");
		this.lines.add("## " + title);
		this.lines.add("");
	}

	static String times(double ratio) {
		return String.format(Locale.ROOT, "%.2f×", ratio);
	}

}
