package dev.userstream.sink.listener;

import java.time.Duration;
import java.time.Instant;

import dev.userstream.sink.writer.UserBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/** The sink's {@code userstream.*} meters. */
@Component
class SinkMetrics {

	private final MeterRegistry registry;

	private final DistributionSummary batchSize;

	private final Timer latency;

	SinkMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.batchSize = DistributionSummary.builder("userstream.batch.size")
			.description("Records per listener batch")
			.register(registry);
		this.latency = Timer.builder("userstream.latency")
			.description("End-to-end latency: ingested_at - produced_at")
			.register(registry);
	}

	void batch(int records) {
		this.batchSize.record(records);
	}

	void written(String writer, int users) {
		Counter.builder("userstream.written")
			.description("Users stored, per writer")
			.tag("writer", writer)
			.register(this.registry)
			.increment(users);
	}

	void stored(UserBatch batch) {
		for (var user : batch.users()) {
			Instant producedAt = user.producedAt();
			if (producedAt != null && !producedAt.isAfter(batch.ingestedAt())) {
				this.latency.record(Duration.between(producedAt, batch.ingestedAt()));
			}
		}
	}

	void deadLetterDropped(String reason) {
		Counter.builder("userstream.dead_letter.dropped")
			.description("Rejected records the dead-letter topic refused even without key, value and headers")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	void deadLettered(String reason) {
		Counter.builder("userstream.dead_lettered")
			.description("Records sent to the dead-letter topic, per reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
