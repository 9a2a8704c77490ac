package dev.userstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything one run measured; a part that was not run stays {@code null}.
 */
final class Results {

	final List<String> header = new ArrayList<>();

	Figure rawBatch;

	Figure rawMultiRow;

	Figure peer;

	Figure original;

	Runs sinkJpa;

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

	Double jpaVsPeer() {
		return (this.sinkJpa != null) ? this.sinkJpa.rate().median() / this.peer.median() : null;
	}

	Double jpaVsOriginal() {
		return (this.sinkJpa != null) ? this.sinkJpa.rate().median() / this.original.median() : null;
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

	/** The report's last line. */
	String ratios() {
		return String.format(Locale.ROOT, "RATIOS jpa_vs_raw=%s jpa_vs_peer=%s jpa_vs_original=%s s3_vs_raw=%s producer_vs_bare=%s e2e_p99_ms=%s",
				ratio(jpaVsRaw()), ratio(jpaVsPeer()), ratio(jpaVsOriginal()), ratio(s3VsRaw()), ratio(producerVsBare()),
				(endToEndP99() != null) ? String.format(Locale.ROOT, "%.0f", endToEndP99()) : "n/a");
	}

	private static String ratio(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.2f", value) : "n/a";
	}

}
