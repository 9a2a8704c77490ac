package dev.userstream.sink.writer;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;

/**
 * A writer that holds users in open files before it stores them (the S3 {@code batch} layout), so that
 * {@link #write} returning does not make a user durable. The listener then commits, per partition, only
 * offsets before which everything is durable: the first offset a writer still holds, else the end of what
 * it was given. Every method is called on the consumer thread that owns the partitions it is given.
 */
public interface BufferingWriter extends UserWriter {

	/**
	 * The partitions the consumer was given: users of other partitions are ignored (a batch retried after its
	 * partitions moved to another consumer must not open files that nobody would close in order).
	 */
	void assigned(Collection<TopicPartition> partitions);

	/**
	 * Forgets the partitions the consumer lost, with their open files, without storing them: their offsets
	 * were not committed, so the new owner reads the same records again from the same first offset.
	 */
	void revoked(Collection<TopicPartition> partitions);

	/** Stores the open files of these partitions that are due (by time); returns when they are durable. */
	void closeDue(Collection<TopicPartition> partitions);

	/**
	 * @param partition a partition
	 * @return the offset of the first user held and not yet durable, or {@code -1} when none is held
	 */
	long heldFrom(TopicPartition partition);

	/**
	 * @param partition a partition
	 * @return the offset after the last user handled (stored, held or found stored already), or {@code -1}
	 * when this writer has had no user of the partition since it was assigned
	 */
	long next(TopicPartition partition);

}
