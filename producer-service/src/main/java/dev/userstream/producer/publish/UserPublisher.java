package dev.userstream.producer.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.userstream.model.UserRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes records keyed by {@code user_id} and waits until the broker has acknowledged each one
 * (acks=all, idempotent producer), so that the caller can keep and retry whatever was not. Failures
 * are counted and logged with the key only, one WARN line per call. The one exception to "keep and
 * retry" is a record that can never be sent (larger than the producer or the topic takes, or that
 * does not serialize): sending it again would block every later record, so it is dropped, counted in
 * {@code userstream.publish.dropped{reason}} and logged with its key and the reason.
 */
@Component
public class UserPublisher {

	private static final Logger logger = LoggerFactory.getLogger(UserPublisher.class);

	private final KafkaTemplate<String, UserRecord> template;

	private final TopicReadiness topic;

	private final Duration ackTimeout;

	private final Counter published;

	private final Counter failures;

	private final UnsendableRecords unsendable;

	private final PublishHealthIndicator health;

	UserPublisher(KafkaTemplate<String, UserRecord> template, TopicReadiness topic, MeterRegistry meterRegistry,
			PublishHealthIndicator health) {
		this.template = template;
		this.topic = topic;
		this.unsendable = new UnsendableRecords(meterRegistry);
		this.health = health;
		this.ackTimeout = deliveryTimeout(template).plusSeconds(5);
		this.published = Counter.builder("userstream.published")
			.description("Records the broker acknowledged")
			.register(meterRegistry);
		this.failures = Counter.builder("userstream.publish.failures")
			.description("Records sent but not acknowledged (they are kept and sent again)")
			.register(meterRegistry);
	}

	/**
	 * Sends the records and waits for their acknowledgements (at most the producer's
	 * {@code delivery.timeout.ms} and a little more).
	 * @param records the records, keyed by their {@code user_id}
	 * @return what was acknowledged and what must be published again
	 */
	public PublishResult publish(List<UserRecord> records) {
		return publish(records, this.ackTimeout, true);
	}

	/**
	 * Sends the records and waits at most {@code maxWait} for their acknowledgements, for a caller
	 * that cannot wait as long as the producer retries (an HTTP client). Records not acknowledged in
	 * time may still reach the topic later: publishing them again must be harmless (same keys).
	 * @param records the records, keyed by their {@code user_id}
	 * @param maxWait longest wait for the acknowledgements, once the records are queued
	 * @return what was acknowledged within {@code maxWait} and what was not
	 */
	public PublishResult publish(List<UserRecord> records, Duration maxWait) {
		// no flush: it would wait for every buffered record, the schedule's too, without a bound
		return publish(records, maxWait, false);
	}

	private PublishResult publish(List<UserRecord> records, Duration maxWait, boolean flush) {
		if (records.isEmpty()) {
			return new PublishResult(0, 0, records);
		}
		if (!this.topic.ensureReady()) {
			// TopicReadiness logged why, once for this attempt
			this.health.retrying(records.size(), "Kafka or topic " + this.topic.name() + " not reachable");
			return new PublishResult(0, 0, records);
		}
		List<Send> sends = sendAll(records);
		if (flush) {
			sendNow();
		}
		List<UserRecord> unacknowledged = new ArrayList<>(records.subList(sends.size(), records.size()));
		int heldBack = unacknowledged.size();
		long deadline = System.nanoTime() + maxWait.toNanos();
		int dropped = 0;
		Failure firstFailure = null;
		for (Send send : sends) {
			Throwable failure = failure(send, deadline);
			if (failure == null) {
				continue;
			}
			if (this.unsendable.dropIfUnsendable(send.record(), this.topic.name(), failure)) {
				dropped++;
			}
			else {
				unacknowledged.add(send.record());
				firstFailure = (firstFailure != null) ? firstFailure : new Failure(send.record().userId(), failure);
			}
		}
		int acknowledged = records.size() - unacknowledged.size() - dropped;
		this.published.increment(acknowledged);
		this.failures.increment(unacknowledged.size() - heldBack);
		report(unacknowledged.size(), heldBack, firstFailure);
		return new PublishResult(acknowledged, unacknowledged.size() - heldBack, unacknowledged, dropped);
	}

	/** One WARN line per call, whatever the number of failed records, and the readiness state. */
	private void report(int unacknowledged, int heldBack, Failure first) {
		if (unacknowledged == 0) {
			this.health.acknowledged();
			return;
		}
		String cause = (first != null) ? first.cause().toString() : "the producer could not queue them";
		this.health.retrying(unacknowledged, cause);
		if (first != null) {
			logger.warn("Send of user_id {} to {} failed: {}; {} record(s) kept for the next attempt ({} not sent)",
					first.userId(), this.topic.name(), cause, unacknowledged, heldBack);
		}
		else {
			logger.warn("Broker or topic {} not reachable: {} record(s) kept for the next attempt", this.topic.name(),
					unacknowledged);
		}
	}

	/** Flushes the producer's buffer; every record sent through {@link #publish} is already acknowledged. */
	public void flush() {
		this.template.flush();
	}

	/**
	 * The batch is complete and we wait for it: lingering for more records (linger.ms) would only
	 * delay its acknowledgement, and with it the next fetch.
	 */
	private void sendNow() {
		try {
			this.template.flush();
		}
		catch (RuntimeException ex) {
			// interrupted: the acknowledgements below tell what was sent
		}
	}

	/**
	 * Stops at the first record the producer could not even queue (no metadata within max.block.ms),
	 * but not at one that can never be sent: the records after it are fine.
	 */
	private List<Send> sendAll(List<UserRecord> records) {
		List<Send> sends = new ArrayList<>(records.size());
		for (UserRecord record : records) {
			Send send = new Send(record, send(record));
			sends.add(send);
			if (send.result().isCompletedExceptionally() && UnsendableRecords.reason(immediateFailure(send)) == null) {
				break;
			}
		}
		return sends;
	}

	private CompletableFuture<SendResult<String, UserRecord>> send(UserRecord record) {
		try {
			return this.template.send(this.topic.name(), record.userId(), record);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static Throwable immediateFailure(Send send) {
		try {
			send.result().getNow(null);
			return null;
		}
		catch (CompletionException ex) {
			return ex.getCause();
		}
		catch (CancellationException ex) {
			return ex;
		}
	}

	/** Null once the broker acknowledged the record, else why not (within the deadline). */
	private static Throwable failure(Send send, long deadline) {
		try {
			send.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return null;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			return (cause instanceof KafkaProducerException && cause.getCause() != null) ? cause.getCause() : cause;
		}
		catch (TimeoutException ex) {
			return ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex;
		}
	}

	private static Duration deliveryTimeout(KafkaTemplate<?, ?> template) {
		Object configured = template.getProducerFactory().getConfigurationProperties().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
		return Duration.ofMillis((configured != null) ? Long.parseLong(configured.toString()) : 120_000L);
	}

	private record Send(UserRecord record, CompletableFuture<SendResult<String, UserRecord>> result) {
	}

	private record Failure(String userId, Throwable cause) {
	}

}
