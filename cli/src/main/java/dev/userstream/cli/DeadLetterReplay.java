package dev.userstream.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import dev.userstream.cli.UserstreamCli.CommandException;
import dev.userstream.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes the dead letters of {@code <topic>-dlt} to {@code <topic>}: the key and value are the
 * original bytes (the sink dead-letters them unchanged), so the default partitioner puts each record in the
 * partition its user's other versions are in; the original headers (e.g. {@code traceparent}) go along,
 * the ones that explain the rejection do not.
 * <p>
 * Not sending a dead letter twice rests on the replay's own consumer group: it reads its assigned
 * partitions from that group's committed offsets and commits, after each batch the broker acknowledged,
 * the offset after the last record it handled. A crash between an acknowledgement and the commit sends
 * that batch again on the next run (the sink stores a user once, so nothing is stored twice). The end is
 * the end offsets read at the start: what is dead-lettered meanwhile, replayed records rejected again
 * included, waits for the next run instead of making this one loop.
 */
final class DeadLetterReplay {

	/** The sink's header with the reason of a dead letter (sink-service KafkaErrorHandlingConfiguration). */
	static final String REASON_HEADER = "userstream-dlt-reason";

	/** The sink's header on a dead letter whose value was too large to keep (sink-service DeadLetters). */
	static final String VALUE_DROPPED_HEADER = "userstream-dlt-value-dropped";

	/** The sink's header on a dead letter whose key and headers were left out too (sink-service DeadLetters). */
	static final String KEY_DROPPED_HEADER = "userstream-dlt-key-dropped";

	/** Set on each replayed record: where it came from, {@code <dlt>-<partition>@<offset>}. */
	static final String REPLAYED_FROM_HEADER = "userstream-replayed-from";

	private static final Duration POLL = Duration.ofMillis(500);

	private final Map<String, Object> clientConfig;

	private final String topic;

	private final String deadLetterTopic;

	private final String group;

	private final Set<String> reasons;

	private final Instant since;

	private final boolean dryRun;

	DeadLetterReplay(Map<String, Object> clientConfig, String topic, String group, Set<String> reasons, Instant since,
			boolean dryRun) {
		this.clientConfig = clientConfig;
		this.topic = topic;
		this.deadLetterTopic = Topics.deadLetter(topic);
		this.group = group;
		this.reasons = reasons;
		this.since = since;
		this.dryRun = dryRun;
	}

	Result run() {
		Result result = new Result(this.deadLetterTopic, this.topic, this.group);
		try (KafkaConsumer<byte[], byte[]> consumer = consumer();
				KafkaProducer<byte[], byte[]> producer = this.dryRun ? null : producer()) {
			List<TopicPartition> partitions = partitions(consumer);
			consumer.assign(partitions);
			Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
			position(consumer, partitions);
			Map<TopicPartition, Long> next = positions(consumer, partitions, ends);
			while (next.entrySet().stream().anyMatch((each) -> each.getValue() < ends.get(each.getKey()))) {
				List<Future<RecordMetadata>> sent = new ArrayList<>();
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
						continue; // dead-lettered after the start: the next replay's
					}
					ProducerRecord<byte[], byte[]> replayed = handle(record, result);
					if (replayed != null && producer != null) {
						sent.add(producer.send(replayed));
					}
				}
				acknowledge(sent);
				next = positions(consumer, partitions, ends);
				if (!this.dryRun) {
					commit(consumer, next);
				}
			}
		}
		return result;
	}

	/**
	 * Where the next run starts: every record before a consumer's position was handled or lies beyond
	 * the end this run stops at, and the position also steps over records the client skips itself
	 * (transaction markers), which no record offset would show.
	 */
	private static Map<TopicPartition, Long> positions(KafkaConsumer<byte[], byte[]> consumer,
			List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
		Map<TopicPartition, Long> positions = new HashMap<>();
		for (TopicPartition partition : partitions) {
			positions.put(partition, Math.min(consumer.position(partition), ends.get(partition)));
		}
		return positions;
	}

	/** Decides what to do with one dead letter and counts it; {@code null} when it is not sent. */
	private ProducerRecord<byte[], byte[]> handle(ConsumerRecord<byte[], byte[]> record, Result result) {
		String reason = header(record, REASON_HEADER);
		reason = (reason != null) ? reason : "unknown";
		if (!this.reasons.isEmpty() && !this.reasons.contains(reason)) {
			result.otherReason++;
			return null;
		}
		if (this.since != null && record.timestamp() < this.since.toEpochMilli()) {
			result.beforeSince++;
			return null;
		}
		if (record.value() == null || record.headers().lastHeader(VALUE_DROPPED_HEADER) != null) {
			result.valueDropped++;
			return null;
		}
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("userstream-dlt-")) {
				headers.add(header);
			}
		}
		headers.add(REPLAYED_FROM_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
			.getBytes(StandardCharsets.UTF_8));
		result.replayed.merge(reason, 1L, Long::sum);
		return new ProducerRecord<>(this.topic, null, record.key(), record.value(), headers);
	}

	private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
		List<PartitionInfo> infos = consumer.partitionsFor(this.deadLetterTopic);
		if (infos == null || infos.isEmpty()) {
			throw new CommandException("topic " + this.deadLetterTopic + " does not exist: nothing was ever dead-lettered");
		}
		return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
	}

	/** The group's committed offset; else the first record at or after --since; else the beginning. */
	private void position(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
		Map<TopicPartition, Long> times = new HashMap<>();
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata offset = committed.get(partition);
			if (offset != null) {
				consumer.seek(partition, offset.offset());
			}
			else if (this.since != null) {
				times.put(partition, this.since.toEpochMilli());
			}
			else {
				consumer.seekToBeginning(List.of(partition));
			}
		}
		if (!times.isEmpty()) {
			Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
			Map<TopicPartition, Long> ends = consumer.endOffsets(times.keySet());
			times.keySet().forEach((partition) -> {
				OffsetAndTimestamp offset = found.get(partition);
				consumer.seek(partition, (offset != null) ? offset.offset() : ends.get(partition));
			});
		}
	}

	private static void acknowledge(List<Future<RecordMetadata>> sent) {
		try {
			for (Future<RecordMetadata> each : sent) {
				each.get();
			}
		}
		catch (ExecutionException ex) {
			throw new CommandException("the broker refused a replayed record (" + ex.getCause() + "); what was"
					+ " acknowledged before is committed, run the replay again");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandException("interrupted; run the replay again");
		}
	}

	private static void commit(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> next) {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		next.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
		consumer.commitSync(offsets);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		Map<String, Object> config = new HashMap<>(this.clientConfig);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.group);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private KafkaProducer<byte[], byte[]> producer() {
		Map<String, Object> config = new HashMap<>(this.clientConfig);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

	/** What a replay did. */
	static final class Result {

		final String from;

		final String to;

		final String group;

		final Map<String, Long> replayed = new TreeMap<>();

		long otherReason;

		long beforeSince;

		long valueDropped;

		Result(String from, String to, String group) {
			this.from = from;
			this.to = to;
			this.group = group;
		}

		long replayedTotal() {
			return this.replayed.values().stream().mapToLong(Long::longValue).sum();
		}

		void print(PrintStream out, boolean dryRun) {
			String verb = dryRun ? "would replay" : "replayed";
			out.printf("%s -> %s (group %s)%s%n", this.from, this.to, this.group, dryRun ? ", dry run: nothing sent" : "");
			this.replayed.forEach((reason, count) -> out.printf("  %-24s %d%n", reason, count));
			out.printf("%s %d; passed over: %d of other reasons, %d before --since, %d without their value (too large"
					+ " for the dead-letter topic, not replayable)%n", verb, replayedTotal(), this.otherReason,
					this.beforeSince, this.valueDropped);
			if (replayedTotal() == 0 && this.otherReason + this.beforeSince + this.valueDropped == 0) {
				out.println("nothing new on " + this.from + " since this group's last replay");
			}
		}

	}

}
