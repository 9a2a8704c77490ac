package dev.userstream.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The embedded broker as the benchmarks use it: topics of {@value #PARTITIONS} partitions (the
 * producer's default), pre-filled topics, and the two progress counters (records in a topic, records
 * a group has committed).
 */
final class Broker implements AutoCloseable {

	static final int PARTITIONS = 3;

	private final String bootstrapServers;

	private final KafkaTestClients clients;

	private final AdminClient admin;

	private final KafkaConsumer<String, byte[]> probe;

	Broker(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.clients = new KafkaTestClients(bootstrapServers);
		this.admin = this.clients.admin();
		this.probe = this.clients.consumer();
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	void createTopic(String topic) {
		this.clients.createTopic(topic, PARTITIONS);
	}

	/** Creates the topic and writes the users to it, keyed by user_id, as the producer would. */
	void fill(String topic, List<UserRecord> users) {
		fill(topic, users, (user) -> UserRecordJson.mapper().writeValueAsBytes(user));
	}

	/** Creates the topic and writes the users to it, keyed by user_id, as the Connect peer reads them. */
	void fillEnveloped(String topic, List<UserRecord> users) {
		fill(topic, users, ConnectEnvelopes::envelope);
	}

	private void fill(String topic, List<UserRecord> users, Function<UserRecord, byte[]> value) {
		createTopic(topic);
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			Future<RecordMetadata> last = null;
			for (UserRecord user : users) {
				last = producer.send(new ProducerRecord<>(topic, user.userId(), value.apply(user)));
			}
			producer.flush();
			if (last != null) {
				last.get(1, TimeUnit.MINUTES);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not fill " + topic, ex);
		}
	}

	/** Records in the topic (sum of its end offsets). */
	long recordCount(String topic) {
		return this.probe.endOffsets(partitions(topic), Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
	}

	/** Records of the topic the group has committed (sum of its committed offsets). */
	long committed(String group, String topic) {
		try {
			Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			return offsets.entrySet().stream()
				.filter((entry) -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
				.mapToLong((entry) -> entry.getValue().offset())
				.sum();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the offsets of " + group, ex);
		}
	}

	/** Whether the group has members with partitions of the topic assigned. */
	boolean assigned(String group) {
		try {
			var description = this.admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS);
			return description.members().stream().anyMatch((member) -> !member.assignment().topicPartitions().isEmpty());
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static List<TopicPartition> partitions(String topic) {
		return java.util.stream.IntStream.range(0, PARTITIONS).mapToObj((p) -> new TopicPartition(topic, p)).toList();
	}

	@Override
	public void close() {
		this.probe.close();
		this.admin.close();
	}

}
