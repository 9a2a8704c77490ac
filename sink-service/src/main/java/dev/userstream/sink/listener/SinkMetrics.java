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
public class SinkMetrics {

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

	/**
	 * Counts what the {@code users} table did with the versions of a committed batch.
	 * @param inserted users it did not hold
	 * @param updated users whose stored version was older, now replaced
	 * @param stale versions not newer than the stored one (an older one replayed, the same one redelivered), skipped
	 */
	public void rows(int inserted, int updated, int stale) {
		rows("inserted", inserted);
		rows("updated", updated);
		rows("stale", stale);
	}

	private void rows(String outcome, int count) {
		Counter.builder("userstream.rows")
			.description("Versions of users the users table inserted, updated with, or skipped as stale")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment(count);
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
