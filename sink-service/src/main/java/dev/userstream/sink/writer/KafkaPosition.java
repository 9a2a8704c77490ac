package dev.userstream.sink.writer;

import java.time.Instant;

/**
 * Where a record was read.
 *
 * @param topic topic
 * @param partition partition
 * @param offset offset
 * @param timestamp the record's timestamp
 */
public record KafkaPosition(String topic, int partition, long offset, Instant timestamp) {
}
