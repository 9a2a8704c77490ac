package dev.userstream.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reads what a producer left on a topic with a plain consumer: every record from the beginning up to
 * the end offsets at the time of the call, so that a count is exact (nothing missing, nothing extra).
 */
public final class TopicReader {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private TopicReader() {
	}

	/** The bootstrap servers an application context uses (embedded broker or container alike). */
	public static String bootstrapServers(KafkaAdmin kafkaAdmin) {
		Object servers = kafkaAdmin.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
		return (servers instanceof List<?> list) ? String.join(",", list.stream().map(Object::toString).toList())
				: servers.toString();
	}

	/** Every record of the topic, in partition order. */
	public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
		return readAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
	}

	/** Every record of the topic, in partition order, read with these client settings (e.g. a SASL login). */
	public static List<ConsumerRecord<String, String>> readAll(Map<String, Object> clientConfig, String topic) {
		Map<String, Object> config = new java.util.HashMap<>(clientConfig);
		config.putAll(Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT)
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (!partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " up to " + ends + " within " + TIMEOUT);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

}
