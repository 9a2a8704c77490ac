package dev.userstream.producer.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * (acks=all, idempotent producer), so that the caller can keep and retry whatever was not: nothing is
 * logged and dropped. Failures are counted and logged with the key only.
 */
@Component
public class UserPublisher {

	private static final Logger logger = LoggerFactory.getLogger(UserPublisher.class);

	private final KafkaTemplate<String, UserRecord> template;

	private final TopicReadiness topic;

	private final Duration ackTimeout;

	private final Counter published;

	private final Counter failures;

	UserPublisher(KafkaTemplate<String, UserRecord> template, TopicReadiness topic, MeterRegistry meterRegistry) {
		this.template = template;
		this.topic = topic;
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
		if (records.isEmpty() || !this.topic.ensureReady()) {
			logHeldBack(records.size());
			return new PublishResult(0, 0, records);
		}
		List<Send> sends = sendAll(records);
		if (flush) {
			sendNow();
		}
		List<UserRecord> unacknowledged = new ArrayList<>(records.subList(sends.size(), records.size()));
		logHeldBack(unacknowledged.size());
		long deadline = System.nanoTime() + maxWait.toNanos();
		for (Send send : sends) {
			if (!acknowledged(send, deadline)) {
				unacknowledged.add(send.record());
			}
		}
		int acknowledged = records.size() - unacknowledged.size();
		this.published.increment(acknowledged);
		return new PublishResult(acknowledged, sends.size() - acknowledged, unacknowledged);
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

	/** Stops at the first record the producer could not even queue (no metadata within max.block.ms). */
	private List<Send> sendAll(List<UserRecord> records) {
		List<Send> sends = new ArrayList<>(records.size());
		for (UserRecord record : records) {
			Send send = new Send(record, send(record));
			sends.add(send);
			if (send.result().isCompletedExceptionally()) {
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

	private boolean acknowledged(Send send, long deadline) {
		try {
			send.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			if (cause instanceof KafkaProducerException && cause.getCause() != null) {
				cause = cause.getCause();
			}
			this.failures.increment();
			logger.warn("Send of user_id {} to {} failed: {}", send.record().userId(), this.topic.name(), cause.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void logHeldBack(int count) {
		if (count > 0) {
			logger.warn("Broker or topic {} not reachable: {} record(s) kept for the next attempt", this.topic.name(), count);
		}
	}

	private static Duration deliveryTimeout(KafkaTemplate<?, ?> template) {
		Object configured = template.getProducerFactory().getConfigurationProperties().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
		return Duration.ofMillis((configured != null) ? Long.parseLong(configured.toString()) : 120_000L);
	}

	private record Send(UserRecord record, CompletableFuture<SendResult<String, UserRecord>> result) {
	}

}
