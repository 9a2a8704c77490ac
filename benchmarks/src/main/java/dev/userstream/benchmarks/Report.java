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
		section("Database writes (items 1–4): the same users into tables of the same shape");
		this.lines.add("Steady = after the first 20 % of the records; from launch = from the process's start (the sink, Connect) "
				+ "to the last record. CPU per row: the writer's own (its process; for an in-process baseline, its thread) "
				+ "and the database server's, both from `/proc` over the steady window.");
		this.lines.add("");
		this.lines.add("| writer | records | steady rows/s, median (range) | from launch rows/s | writer CPU µs/row | "
				+ "database CPU µs/row | sink-jpa ÷ this |");
		this.lines.add("|---|---:|---:|---:|---:|---:|---:|");
		double jpa = r.sinkJpa.rate().median();
		baseline("raw limit: plain JDBC batch (`addBatch`/`executeBatch`), 500 a transaction", this.options.records(), r.rawBatch, jpa);
		baseline("raw limit: one multi-row `INSERT … VALUES (…),(…)` per 500", this.options.records(), r.rawMultiRow, jpa);
		baseline("simulated upsert loop (Connect-style): multi-row `INSERT … ON DUPLICATE KEY UPDATE` per 500, in the runner",
				this.options.records(), r.simulated, jpa);
		baseline("original: one INSERT + commit per row", this.options.originalRecords(), r.original, jpa);
		process("**real peer: Kafka Connect + Debezium JDBC sink** (upsert on `user_id`, " + ConnectPeer.TASKS + " tasks, batch "
				+ ConnectPeer.BATCH + "), records in Kafka → committed offsets", r.connect, MeasuredProcess.CONNECT, jpa);
		process("**userstream sink-jpa**: its jar, records in Kafka → committed offsets (lag 0)", r.sinkJpa, MeasuredProcess.SINK, jpa);
		this.lines.add("");
		this.lines.add(String.format(Locale.ROOT, "Process start → ready: sink-jpa %s s (readiness UP), Connect %s s (all tasks RUNNING). "
				+ "From launch, CPU µs/row: sink-jpa %s, Connect %s. Cores busy while steady: sink-jpa %s, Connect %s.",
				r.sinkJpa.ready().describeDecimal(), r.connect.ready().describeDecimal(),
				r.sinkJpa.launchCpuMicrosPerRow(MeasuredProcess.SINK).describe(),
				r.connect.launchCpuMicrosPerRow(MeasuredProcess.CONNECT).describe(),
				cores(r.sinkJpa.cores(MeasuredProcess.SINK)), cores(r.connect.cores(MeasuredProcess.CONNECT))));
		this.lines.add(String.format(Locale.ROOT, "sink-jpa process: %s CPU s per 100k rows, RSS %s MiB at the end of the window. "
				+ "Chart: `%s` beside `report.md`.", r.sinkJpa.cpuPer100k(MeasuredProcess.SINK).describeDecimal(),
				r.sinkJpa.rssMiB(MeasuredProcess.SINK).describe(), BenchmarkChart.FILE));
	}

	private void baseline(String what, int records, Baseline baseline, double jpa) {
		this.lines.add(String.format(Locale.ROOT, "| %s | %,d | %s | – | %s | %s | %s |", what, records, baseline.describe(),
				baseline.writerCpuMicros().describe(), baseline.databaseCpuMicros().describe(), times(jpa / baseline.median())));
	}

	private void process(String what, Runs runs, String role, double jpa) {
		this.lines.add(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |", what, this.options.records(),
				runs.rate().describe(), runs.launchRate().describe(), runs.cpuMicrosPerRow(role).describe(),
				runs.cpuMicrosPerRow(DatabaseProcess.DATABASE).describe(), times(jpa / runs.rate().median())));
	}

	private static String cores(Figure cores) {
		return cores.measured() ? String.format(Locale.ROOT, "%.2f", cores.median()) : "n/a";
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
				r.s3PerRecord.cpuPer100k(MeasuredProcess.SINK).describeDecimal(),
				r.s3Batch.cpuPer100k(MeasuredProcess.SINK).describeDecimal()));
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
		this.lines.add(String.format(Locale.ROOT, "producer process: %s CPU s per 100k records, RSS %s MiB; "
				+ "%s records/s from launch; process start → ready (readiness UP) %s s.",
				r.producer.cpuPer100k(MeasuredProcess.PRODUCER).describeDecimal(), r.producer.rssMiB(MeasuredProcess.PRODUCER).describe(),
				r.producer.launchRate().describe(), r.producer.ready().describeDecimal()));
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
		if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%.2f×", ratio);
	}

}
