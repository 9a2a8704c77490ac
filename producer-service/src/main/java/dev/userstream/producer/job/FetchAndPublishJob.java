package dev.userstream.producer.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.userstream.model.UserRecord;
import dev.userstream.producer.publish.PublishResult;
import dev.userstream.producer.publish.UserPublisher;
import dev.userstream.producer.source.SourceUnavailableException;
import dev.userstream.producer.source.SourceUser;
import dev.userstream.producer.source.UserSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One fetch → map → encrypt → publish cycle per {@link #runOnce()}. Records the broker did not
 * acknowledge stay pending, and the next cycle publishes them again instead of fetching: an outage
 * delays records but loses none, and memory stays bounded by one batch (at-least-once; the sink is
 * idempotent by {@code user_id}). A failed fetch is logged once and waits for the next cycle.
 */
@Component
class FetchAndPublishJob {

	private static final Logger logger = LoggerFactory.getLogger(FetchAndPublishJob.class);

	private final UserSource source;

	private final UserRecordMapper mapper;

	private final UserPublisher publisher;

	private final int batchSize;

	private final Counter fetched;

	private final Timer fetchLatency;

	private List<UserRecord> pending = List.of();

	/** Read by the gauge without the lock, which a cycle holds while it waits for the broker. */
	private volatile int pendingCount;

	private long fetchedTotal;

	private long published;

	private long failed;

	private long dropped;

	FetchAndPublishJob(UserSource source, UserRecordMapper mapper, UserPublisher publisher,
			ScheduleProperties properties, MeterRegistry meterRegistry) {
		this.source = source;
		this.mapper = mapper;
		this.publisher = publisher;
		this.batchSize = properties.batchSize();
		this.fetched = Counter.builder("userstream.fetched").description("Users the source returned")
			.tag("source", source.name()).register(meterRegistry);
		this.fetchLatency = Timer.builder("userstream.fetch.latency").description("Time to fetch one batch, retries included")
			.tag("source", source.name()).register(meterRegistry);
		Gauge.builder("userstream.publish.pending", () -> this.pendingCount)
			.description("Records fetched but not yet acknowledged by the broker").register(meterRegistry);
	}

	/** Publishes the pending records again if there are any, else fetches and publishes a new batch. */
	synchronized void runOnce() {
		if (this.pending.isEmpty()) {
			List<SourceUser> users = fetch();
			if (users.isEmpty()) {
				return;
			}
			setPending(this.mapper.map(users, this.source.name()));
		}
		else {
			logger.info("Publishing {} unacknowledged record(s) again before fetching more", this.pending.size());
		}
		publishPending();
	}

	/** Gives the pending records one last try and flushes the producer; fetches nothing. */
	synchronized JobSummary finish(Duration elapsed) {
		if (!this.pending.isEmpty()) {
			publishPending();
		}
		this.publisher.flush();
		return summary(elapsed);
	}

	synchronized JobSummary summary(Duration elapsed) {
		return new JobSummary(this.fetchedTotal, this.published, this.failed, this.pending.size(), elapsed, this.dropped);
	}

	int pendingCount() {
		return this.pendingCount;
	}

	private List<SourceUser> fetch() {
		long start = System.nanoTime();
		try {
			List<SourceUser> users = this.source.fetch(this.batchSize);
			this.fetched.increment(users.size());
			this.fetchedTotal += users.size();
			return users;
		}
		catch (SourceUnavailableException ex) {
			logger.warn("Fetch from {} failed: {}", this.source.name(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			// an unexpected exception's message might quote what the source sent: class only
			logger.warn("Fetch from {} failed: {}", this.source.name(), ex.getClass().getName());
		}
		finally {
			this.fetchLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
		return List.of();
	}

	private void publishPending() {
		PublishResult result = this.publisher.publish(this.pending);
		this.published += result.acknowledged();
		this.failed += result.failed();
		this.dropped += result.dropped();
		setPending(result.unacknowledged());
	}

	private void setPending(List<UserRecord> records) {
		this.pending = records;
		this.pendingCount = records.size();
	}

}
