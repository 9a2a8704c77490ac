package dev.userstream.sink.listener;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.userstream.sink.health.PipelineHealthIndicator;
import dev.userstream.sink.writer.BufferingWriter;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Offsets for a writer that holds users before storing them ({@link BufferingWriter}, the S3 {@code batch}
 * layout), the way Kafka Connect's S3 sink commits: an offset is committed only when every user before it is
 * durable in every writer. With such a writer the container commits nothing itself (ack mode {@code MANUAL},
 * and the error handler does not ack after handling), and this commits from the consumer thread, after a
 * batch and after an idle interval: per partition, the first offset of the open file when there is one, else
 * the end of the batch (or, idle, the end of the last closed file). Without one, everything here is idle and
 * the container commits each batch as before.
 * <p>
 * It is also the containers' rebalance listener: a consumer that loses a partition drops its open file
 * unstored (its offsets were not committed: the new owner reads the same records and makes the same file),
 * and a consumer given a partition starts it afresh.
 */
@Component
class BufferedOffsetCommits implements ConsumerAwareRebalanceListener {

	private static final Logger logger = LoggerFactory.getLogger(BufferedOffsetCommits.class);

	private final BufferingWriter writer;

	private final PipelineHealthIndicator health;

	/** Per partition, the offset this instance committed last; only a greater one is committed. */
	private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();

	BufferedOffsetCommits(ObjectProvider<BufferingWriter> writer, PipelineHealthIndicator health) {
		this.writer = writer.getIfAvailable();
		this.health = health;
	}

	/** Whether a writer holds users (and this commits). */
	boolean active() {
		return this.writer != null;
	}

	/** The writer that holds users, closing its files that are due on the consumer's partitions. */
	void closeDue(Consumer<?, ?> consumer) {
		if (this.writer != null) {
			this.writer.closeDue(consumer.assignment());
		}
	}

	/** Commits what is durable after a batch whose users are all written. */
	void commit(Consumer<?, ?> consumer, List<? extends ConsumerRecord<?, ?>> records) {
		if (this.writer == null) {
			return;
		}
		Map<TopicPartition, Long> ends = new HashMap<>();
		for (ConsumerRecord<?, ?> record : records) {
			ends.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
		}
		commit(consumer, consumer.assignment(), ends);
	}

	/**
	 * An idle consumer (no record for the idle interval) closes its files that are due and commits them, on
	 * its own thread: the last users of a quiet partition reach S3 and its lag drains. A failed upload is an
	 * outage like any other (readiness DOWN, WARN); the next idle event tries again.
	 */
	@EventListener
	void idle(ListenerContainerIdleEvent event) {
		if (this.writer == null || event.getConsumer() == null || !event.getListenerId().startsWith(UserListener.ID)) {
			return;
		}
		try {
			this.writer.closeDue(event.getTopicPartitions());
		}
		catch (RuntimeException ex) {
			this.health.failed(this.writer.name(), ex, null);
			logger.warn("Open files of an idle consumer are not stored: {} failed ({}); trying again in {} ms",
					this.writer.name(), ex.getClass().getName(), event.getIdleTime());
			return;
		}
		commit(event.getConsumer(), event.getTopicPartitions(), Map.of());
	}

	private void commit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (TopicPartition partition : partitions) {
			long held = this.writer.heldFrom(partition);
			long safe = (held >= 0) ? held : ends.getOrDefault(partition, this.writer.next(partition));
			Long last = this.committed.get(partition);
			if (safe >= 0 && (last == null || safe > last)) {
				offsets.put(partition, new OffsetAndMetadata(safe));
			}
		}
		if (offsets.isEmpty()) {
			return;
		}
		try {
			consumer.commitSync(offsets);
			offsets.forEach((partition, offset) -> this.committed.put(partition, offset.offset()));
		}
		catch (KafkaException ex) {
			if (ex instanceof WakeupException || ex instanceof InterruptException) {
				throw ex; // the container's, for its poll loop
			}
			// not committed only means read again from an earlier file boundary: same names, stored files kept
			logger.warn("Offsets {} not committed ({}); a later commit covers them, or the partition's next owner"
					+ " reads from the last one committed", offsets, ex.getClass().getName());
		}
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (this.writer != null) {
			partitions.forEach(this.committed::remove);
			this.writer.assigned(partitions);
		}
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (this.writer != null) {
			this.writer.revoked(partitions);
			partitions.forEach(this.committed::remove);
		}
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		onPartitionsRevokedBeforeCommit(consumer, partitions);
	}

}
