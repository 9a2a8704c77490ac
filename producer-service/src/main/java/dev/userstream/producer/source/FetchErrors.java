package dev.userstream.producer.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The {@code userstream.fetch.errors} counter of one source, tagged with the reason. */
final class FetchErrors {

	private final MeterRegistry registry;

	private final String source;

	FetchErrors(MeterRegistry registry, String source) {
		this.registry = registry;
		this.source = source;
	}

	void count(String reason) {
		count(reason, 1);
	}

	void count(String reason, int times) {
		Counter.builder("userstream.fetch.errors")
			.description("Failed or rejected fetch attempts, by reason")
			.tag("source", this.source)
			.tag("reason", reason)
			.register(this.registry)
			.increment(times);
	}

}
