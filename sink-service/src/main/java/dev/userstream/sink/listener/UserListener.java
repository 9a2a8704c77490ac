package dev.userstream.sink.listener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.userstream.sink.health.PipelineHealthIndicator;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.sink.writer.UserWriter;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes batches: valid users go to every active writer, invalid records to the dead-letter topic.
 * The method returns (and the container commits the offsets) only when both are durable.
 * <p>
 * A failure that is about one record never holds up the others: triage dead-letters what it cannot
 * read or check, and when a store refuses the data of a batch ({@link UserWriter#refusesData}) its users
 * are written one by one, so the records the store refuses are dead-lettered ({@code store_rejected}) and
 * the rest stored, all in this one delivery. This is what spring-kafka's {@code BatchListenerFailedException}
 * does across deliveries, kept inside one so that a dead-letter topic that is away pauses the batch with
 * backoff like any other outage instead of being retried on every poll.
 * <p>
 * Anything else is an outage ({@link BatchOutageException}): readiness DOWN with the cause, one WARN line,
 * and the error handler retries the whole batch with backoff, forever; writers are idempotent, so what a
 * failed attempt stored is not stored twice.
 * <p>
 * With a writer that holds users in open files (the S3 {@code batch} layout) the container does not commit:
 * {@link BufferedOffsetCommits} commits, after the batch, only the offsets before which every user is durable.
 */
@Component
class UserListener {

	static final String ID = "userstream-sink";

	private static final Logger logger = LoggerFactory.getLogger(UserListener.class);

	private final List<UserWriter> writers;

	private final RecordTriage triage;

	private final DeadLetters deadLetters;

	private final SinkMetrics metrics;

	private final PipelineHealthIndicator health;

	private final BufferedOffsetCommits commits;

	UserListener(List<UserWriter> writers, RecordTriage triage, DeadLetters deadLetters, SinkMetrics metrics,
			PipelineHealthIndicator health, BufferedOffsetCommits commits) {
		if (writers.isEmpty()) {
			throw new NoWriterException();
		}
		this.writers = List.copyOf(writers); // in @Order: a store that can refuse data first
		this.triage = triage;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
		this.health = health;
		this.commits = commits;
		logger.info("Storing users with: {}", this.writers.stream().map(UserWriter::name).toList());
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "${pipeline.topic}", batch = "true")
	void onBatch(List<ConsumerRecord<String, UserMessage>> records, Consumer<?, ?> consumer) {
		RecordTriage.Triage sorted = triage(records);
		UserBatch batch = new UserBatch(sorted.accepted(), sorted.firstOffsets(), Instant.now());
		List<RecordTriage.Rejected> rejected = new ArrayList<>(sorted.rejected());
		for (UserWriter writer : this.writers) {
			batch = write(writer, batch, rejected, sorted);
		}
		closeDue(consumer, records.size());
		publish(records.size(), rejected);
		this.health.recovered();
		this.metrics.batch(records.size());
		this.metrics.stored(batch);
		this.commits.commit(consumer, records);
		logger.debug("Stored {} users, dead-lettered {} records", batch.users().size(), rejected.size());
	}

	private RecordTriage.Triage triage(List<ConsumerRecord<String, UserMessage>> records) {
		try {
			return this.triage.triage(records);
		}
		catch (UnknownSigningKeyException ex) {
			throw outage(records.size(), "encryption-keys", ex, ex.getMessage());
		}
	}

	/** @return the batch the next writers get: this one, or without the users this store refused */
	private UserBatch write(UserWriter writer, UserBatch batch, List<RecordTriage.Rejected> rejected,
			RecordTriage.Triage sorted) {
		try {
			writer.write(batch);
			this.metrics.written(writer.name(), batch.users().size());
			return batch;
		}
		catch (RuntimeException ex) {
			if (!writer.refusesData(ex)) {
				throw outage(batch.users().size(), writer.name(), ex, null);
			}
			logger.warn("Writer {} refused the data of a batch of {} users ({}); writing them one by one to find the"
					+ " records it refuses", writer.name(), batch.users().size(), ex.getClass().getName());
			return isolate(writer, batch, rejected, sorted);
		}
	}

	/** Writes the users one by one; those the store refuses go to {@code rejected}, the rest are returned. */
	private UserBatch isolate(UserWriter writer, UserBatch batch, List<RecordTriage.Rejected> rejected,
			RecordTriage.Triage sorted) {
		List<IncomingUser> stored = new ArrayList<>(batch.users().size());
		for (IncomingUser user : batch.users()) {
			RuntimeException refusal = writeAlone(writer, user, batch);
			if (refusal != null) {
				// once more: a duplicate key may only mean that another consumer thread stored the same user
				// (ids equal but for letter case on two partitions) between this write's lookup and its insert;
				// the second write then finds the row and has nothing to do, a real refusal fails again
				refusal = writeAlone(writer, user, batch);
			}
			if (refusal == null) {
				stored.add(user);
			}
			else {
				rejected.add(new RecordTriage.Rejected(sorted.source(user), new InvalidRecordException("store_rejected",
						"the " + writer.name() + " store refused the record (" + StoreErrors.describe(refusal) + ")")));
			}
		}
		this.metrics.written(writer.name(), stored.size());
		return new UserBatch(stored, batch.firstOffsets(), batch.ingestedAt());
	}

	/** @return {@code null} once stored, the store's refusal of the user's data; an outage throws */
	private RuntimeException writeAlone(UserWriter writer, IncomingUser user, UserBatch batch) {
		try {
			writer.write(new UserBatch(List.of(user), batch.firstOffsets(), batch.ingestedAt()));
			return null;
		}
		catch (RuntimeException ex) {
			if (!writer.refusesData(ex)) {
				throw outage(batch.users().size(), writer.name(), ex, null);
			}
			return ex;
		}
	}

	/** Files open longer than their rotate interval, on any partition of this consumer, are stored now. */
	private void closeDue(Consumer<?, ?> consumer, int records) {
		try {
			this.commits.closeDue(consumer);
		}
		catch (RuntimeException ex) {
			throw outage(records, "s3", ex, null);
		}
	}

	private void publish(int records, List<RecordTriage.Rejected> rejected) {
		try {
			this.deadLetters.publish(rejected);
		}
		catch (RuntimeException ex) {
			String cause = this.deadLetters.recover(ex);
			throw outage(records, "dead-letter-topic", ex, cause);
		}
	}

	private BatchOutageException outage(int records, String component, RuntimeException ex, String cause) {
		this.health.failed(component, ex, cause);
		logger.warn("A batch of {} records is not complete: {} failed ({}{}); retrying it with backoff, nothing is"
				+ " committed or dead-lettered meanwhile", records, component, ex.getClass().getName(),
				(cause != null) ? ": " + cause : "");
		return new BatchOutageException(component, ex);
	}

}
