package dev.userstream.sink.writer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * The valid users of one listener batch, for the writers.
 *
 * @param users the users to store, in offset order per partition
 * @param firstOffsets per partition, the first offset of the polled batch (valid or not): the offset the
 * consumer resumes from if this batch is not committed, so keys built from it repeat on redelivery
 * @param ingestedAt when the sink stores this batch
 */
public record UserBatch(List<IncomingUser> users, Map<TopicPartition, Long> firstOffsets, Instant ingestedAt) {

	public UserBatch {
		users = List.copyOf(users);
		firstOffsets = Map.copyOf(firstOffsets);
	}

}
