package dev.userstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything one run measured; a part that was not run stays {@code null}.
 */
final class Results {

	final List<String> header = new ArrayList<>();

	Baseline rawBatch;

	Baseline rawMultiRow;

	/** The simulated upsert loop (Connect-style), in this JVM. */
	Baseline simulated;

	Baseline original;

	Runs sinkJpa;

	/** The real peer: Kafka Connect with Debezium's JDBC sink. */
	Runs connect;

	Runs s3PerRecord;

	Runs s3Batch;

	Figure s3Raw;

	Runs producer;

	Figure bareBatch;

	Figure bareAll;

	EndToEndResult endToEnd;

	double raw() {
		return Math.max(this.rawBatch.median(), this.rawMultiRow.median());
	}

	String rawVariant() {
		return (this.rawBatch.median() >= this.rawMultiRow.median()) ? "JDBC batch" : "multi-row INSERT";
	}

	Double jpaVsRaw() {
		return (this.sinkJpa != null) ? this.sinkJpa.rate().median() / raw() : null;
	}

	Double jpaVsSimulated() {
		return (this.sinkJpa != null) ? this.sinkJpa.rate().median() / this.simulated.median() : null;
	}

	Double jpaVsOriginal() {
		return (this.sinkJpa != null) ? this.sinkJpa.rate().median() / this.original.median() : null;
	}

	/** Steady rows/s of sink-jpa ÷ the real Connect sink's. */
	Double jpaVsConnect() {
		return (this.sinkJpa != null) ? this.sinkJpa.rate().median() / this.connect.rate().median() : null;
	}

	/** Steady CPU per row of the sink-jpa process ÷ the Connect worker's. */
	Double jpaCpuVsConnect() {
		return (this.sinkJpa != null) ? this.sinkJpa.cpuMicrosPerRow(MeasuredProcess.SINK).median()
				/ this.connect.cpuMicrosPerRow(MeasuredProcess.CONNECT).median() : null;
	}

	Double s3VsRaw() {
		return (this.s3PerRecord != null) ? this.s3PerRecord.rate().median() / this.s3Raw.median() : null;
	}

	Double producerVsBare() {
		return (this.producer != null) ? this.producer.rate().median() / this.bareAll.median() : null;
	}

	Double endToEndP99() {
		return (this.endToEnd != null) ? new Figure(this.endToEnd.p99()).median() : null;
	}

	Double endToEndOffered() {
		return (this.endToEnd != null) ? new Figure(this.endToEnd.offered()).median() : null;
	}

	/** Process start → readiness UP of the sink, in seconds (the jpa runs, else the S3 ones). */
	Double sinkReady() {
		Runs sink = (this.sinkJpa != null) ? this.sinkJpa : this.s3Batch;
		return (sink != null) ? sink.ready().median() : null;
	}

	Double producerReady() {
		return (this.producer != null) ? this.producer.ready().median() : null;
	}

	/** RSS of the process while the pipeline runs at 5,000 records/s (end to end), MiB. */
	Double rssAtOffered(String role) {
		return (this.endToEnd != null) ? this.endToEnd.paced().rssMiB(role).median() : null;
	}

	/** The report's last line. */
	String ratios() {
		return String.join(" ", "RATIOS", "jpa_vs_raw=" + decimal(jpaVsRaw(), 2), "jpa_vs_peer=" + decimal(jpaVsSimulated(), 2),
				"jpa_vs_original=" + decimal(jpaVsOriginal(), 2), "s3_vs_raw=" + decimal(s3VsRaw(), 2),
				"producer_vs_bare=" + decimal(producerVsBare(), 2), "e2e_p99_ms=" + decimal(endToEndP99(), 0),
				"jpa_rows_per_s=" + decimal((this.sinkJpa != null) ? this.sinkJpa.rate().median() : null, 0),
				"connect_rows_per_s=" + decimal((this.connect != null) ? this.connect.rate().median() : null, 0),
				"jpa_vs_connect=" + decimal(jpaVsConnect(), 2), "jpa_cpu_vs_connect=" + decimal(jpaCpuVsConnect(), 2),
				"e2e_offered_per_s=" + decimal(endToEndOffered(), 0), "sink_ready_s=" + decimal(sinkReady(), 1),
				"producer_ready_s=" + decimal(producerReady(), 1),
				"sink_rss_mib=" + decimal(rssAtOffered(MeasuredProcess.SINK), 0),
				"producer_rss_mib=" + decimal(rssAtOffered(MeasuredProcess.PRODUCER), 0));
	}

	private static String decimal(Double value, int decimals) {
		return (value != null && Double.isFinite(value)) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a";
	}

}
