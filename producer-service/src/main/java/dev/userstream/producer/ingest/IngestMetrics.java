package dev.userstream.producer.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The ingestion counters: users accepted, requests rejected by status. */
final class IngestMetrics {

	private IngestMetrics() {
	}

	static Counter ingested(MeterRegistry registry) {
		return Counter.builder("userstream.ingested").description("Users accepted over HTTP (acknowledged by the broker)")
			.register(registry);
	}

	static Counter rejected(MeterRegistry registry, int status) {
		return Counter.builder("userstream.ingest.rejected").description("HTTP ingestion requests answered with an error")
			.tag("status", String.valueOf(status)).register(registry);
	}

}
