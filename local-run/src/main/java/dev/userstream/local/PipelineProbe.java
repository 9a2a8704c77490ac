package dev.userstream.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the broker knows about the run: records in the topic and its dead-letter topic, the sink
 * group's lag, and the keys of every record (the ids that must end up stored).
 */
final class PipelineProbe implements AutoCloseable {

	private static final long TIMEOUT_SECONDS = 10;

	private final String bootstrapServers;

	private final Admin admin;

	PipelineProbe(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
	}

	/** Records in the topic (sum of its end offsets); 0 while it does not exist. */
	long records(String topic) throws Exception {
		return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
	}

	/** Records of the topic the group has not committed yet. */
	long lag(String group, String topic) throws Exception {
		Map<TopicPartition, Long> ends = endOffsets(topic);
		Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		long lag = 0;
		for (var end : ends.entrySet()) {
			OffsetAndMetadata position = committed.get(end.getKey());
			lag += end.getValue() - ((position != null) ? position.offset() : 0);
		}
		return lag;
	}

	private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
		var topics = this.admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		if (!topics.contains(topic)) {
			return Map.of();
		}
		var description = this.admin.describeTopics(Set.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		description.partitions().forEach((p) -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
		Map<TopicPartition, Long> ends = new HashMap<>();
		this.admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
			.forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	/** The keys of every record in the topic, read from the start to the end offsets of now. */
	List<String> keys(String topic) throws Exception {
		Map<TopicPartition, Long> ends = endOffsets(topic);
		List<String> keys = new java.util.ArrayList<>();
		if (ends.isEmpty()) {
			return keys;
		}
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "local-run-check-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(ends.keySet());
			consumer.seekToBeginning(ends.keySet());
			Set<TopicPartition> pending = new HashSet<>(ends.keySet());
			pending.removeIf((partition) -> ends.get(partition) == 0);
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (!pending.isEmpty()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end within 2 minutes");
				}
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> keys.add(record.key()));
				pending.removeIf((partition) -> consumer.position(partition) >= ends.get(partition));
			}
		}
		return keys;
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
