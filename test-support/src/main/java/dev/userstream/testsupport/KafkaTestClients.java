package dev.userstream.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Plain Kafka clients for tests that feed a service or read what it sent, on whatever broker the
 * test run uses (pass the application's bootstrap servers).
 */
public final class KafkaTestClients {

	private final Map<String, Object> common;

	public KafkaTestClients(String bootstrapServers) {
		this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** Clients with these settings in common: the bootstrap servers and, e.g., a SASL login. */
	public KafkaTestClients(Map<String, Object> clientConfig) {
		this.common = Map.copyOf(clientConfig);
	}

	private Map<String, Object> config(Map<String, Object> settings) {
		Map<String, Object> config = new java.util.HashMap<>(this.common);
		config.putAll(settings);
		return config;
	}

	/** Creates the topic if it does not exist and waits until every partition has a leader. */
	public void createTopic(String topic, int partitions) {
		createTopic(topic, partitions, Map.of());
	}

	/** Creates the topic with these topic configs (e.g. {@code max.message.bytes}) if it does not exist. */
	public void createTopic(String topic, int partitions, Map<String, String> configs) {
		try (AdminClient admin = admin()) {
			try {
				admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw new IllegalStateException("Could not create topic " + topic, ex);
				}
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> hasLeaders(admin, topic));
		}
	}

	private static boolean hasLeaders(AdminClient admin, String topic) {
		try {
			TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
			return description.partitions().stream().allMatch((p) -> p.leader() != null && !p.leader().isEmpty());
		}
		catch (Exception ex) {
			return false;
		}
	}

	/** An idempotent producer of raw values (acks=all); the caller closes it. */
	public KafkaProducer<String, byte[]> producer() {
		return producer(Map.of());
	}

	/** An idempotent producer with these settings on top (e.g. {@code max.request.size}); the caller closes it. */
	public KafkaProducer<String, byte[]> producer(Map<String, Object> overrides) {
		Map<String, Object> config = config(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5));
		config.putAll(overrides);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	/** A consumer in a fresh group, reading from the beginning; the caller closes it. */
	public KafkaConsumer<String, byte[]> consumer() {
		return new KafkaConsumer<>(config(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** Reads the topic from the start until {@code count} records arrived (or fails after the timeout). */
	public List<ConsumerRecord<String, byte[]>> readAll(String topic, int count, Duration timeout) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			consumer.subscribe(List.of(topic));
			await().atMost(timeout).pollInterval(Duration.ZERO).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= count;
			});
		}
		return records;
	}

	/** Waits until the group has committed every partition of the topic up to its end. */
	public void awaitConsumed(String group, String topic, Duration timeout) {
		try (AdminClient admin = admin(); KafkaConsumer<String, byte[]> probe = consumer()) {
			await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
				var partitions = probe.partitionsFor(topic).stream()
					.map((p) -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
					.toList();
				var ends = probe.endOffsets(partitions);
				var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
				return partitions.stream().allMatch((tp) -> ends.get(tp) == 0
						|| (committed.get(tp) != null && committed.get(tp).offset() >= ends.get(tp)));
			});
		}
	}

	/** How many records the group has committed (the sum of its committed offsets; 0 before its first commit). */
	public long committedCount(String group) {
		try (AdminClient admin = admin()) {
			return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
				.filter(java.util.Objects::nonNull)
				.mapToLong(org.apache.kafka.clients.consumer.OffsetAndMetadata::offset)
				.sum();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Could not read the offsets of group " + group, ex.getCause());
		}
	}

	/** Moves the group's committed offsets of the topic back to the start (the group must be empty). */
	public void rewind(String group, String topic) {
		try (AdminClient admin = admin(); KafkaConsumer<String, byte[]> probe = consumer()) {
			var offsets = new java.util.HashMap<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata>();
			probe.partitionsFor(topic).forEach((p) -> offsets.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
					new org.apache.kafka.clients.consumer.OffsetAndMetadata(0)));
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
				admin.alterConsumerGroupOffsets(group, offsets).all().get();
				return true;
			});
		}
	}

	/** How many records the topic holds (sum of end offsets; 0 when it does not exist). */
	public long recordCount(String topic) {
		try (KafkaConsumer<String, byte[]> probe = consumer()) {
			var partitions = probe.partitionsFor(topic, Duration.ofSeconds(10));
			if (partitions == null || partitions.isEmpty()) {
				return 0;
			}
			var ends = probe.endOffsets(partitions.stream()
				.map((p) -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
				.toList());
			return ends.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/** An admin client; the caller closes it. */
	public AdminClient admin() {
		return AdminClient.create(config(Map.of()));
	}

}
