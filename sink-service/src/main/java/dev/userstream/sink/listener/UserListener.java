package dev.userstream.sink.listener;

import java.time.Instant;
import java.util.List;

import dev.userstream.sink.health.WriterHealthIndicator;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.sink.writer.UserWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes batches: valid users go to every active writer, invalid records to the dead-letter topic.
 * The method returns (and the container commits the offsets) only when both are durable. A writer
 * failure is thrown to the error handler, which retries the whole batch with backoff, forever.
 */
@Component
class UserListener {

	private static final Logger logger = LoggerFactory.getLogger(UserListener.class);

	private final List<UserWriter> writers;

	private final RecordTriage triage;

	private final DeadLetters deadLetters;

	private final SinkMetrics metrics;

	private final WriterHealthIndicator health;

	UserListener(List<UserWriter> writers, RecordTriage triage, DeadLetters deadLetters, SinkMetrics metrics,
			WriterHealthIndicator health) {
		if (writers.isEmpty()) {
			throw new NoWriterException();
		}
		this.writers = List.copyOf(writers);
		this.triage = triage;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
		this.health = health;
		logger.info("Storing users with: {}", this.writers.stream().map(UserWriter::name).toList());
	}

	@KafkaListener(id = "userstream-sink", idIsGroup = false, topics = "${pipeline.topic}", batch = "true")
	void onBatch(List<ConsumerRecord<String, UserMessage>> records) {
		RecordTriage.Triage sorted = this.triage.triage(records);
		UserBatch batch = new UserBatch(sorted.accepted(), sorted.firstOffsets(), Instant.now());
		for (UserWriter writer : this.writers) {
			write(writer, batch);
		}
		this.deadLetters.publish(sorted.rejected());
		this.health.recovered();
		this.metrics.batch(records.size());
		this.metrics.stored(batch);
		logger.debug("Stored {} users, dead-lettered {} records", batch.users().size(), sorted.rejected().size());
	}

	private void write(UserWriter writer, UserBatch batch) {
		try {
			writer.write(batch);
			this.metrics.written(writer.name(), batch);
		}
		catch (RuntimeException ex) {
			this.health.failed(writer.name(), ex);
			logger.warn("Writer {} failed on a batch of {} users ({}); it will be retried", writer.name(),
					batch.users().size(), ex.getClass().getName());
			throw ex;
		}
	}

}
