package dev.userstream.sink.reliability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import dev.userstream.sink.reliability.FuzzLedger.DeadLetter;
import dev.userstream.sink.reliability.FuzzLedger.Sent;
import dev.userstream.sink.reliability.FuzzLedger.StoredObject;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.S3ServerProcess;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the fuzz test reads back: a database of its own, the bucket's object keys, the whole
 * dead-letter topic, and the group's committed offsets against the topic's ends.
 */
final class FuzzStores {

	private FuzzStores() {
	}

	/** Creates an empty database next to {@code server}'s and returns its endpoint (same server, user and password). */
	static DatabaseEndpoint createDatabase(DatabaseEndpoint server, String name) throws SQLException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		String url = server.url();
		int query = url.indexOf('?');
		String base = (query < 0) ? url : url.substring(0, query);
		String database = base.substring(0, base.lastIndexOf('/') + 1) + name + ((query < 0) ? "" : url.substring(query));
		return new DatabaseEndpoint(database, server.username(), server.password());
	}

	static void dropDatabase(DatabaseEndpoint server, String name) throws SQLException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
		}
	}

	/** The {@code user_id} of every row, as stored. */
	static List<String> rows(DatabaseEndpoint database) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT user_id FROM users")) {
			while (result.next()) {
				ids.add(result.getString(1));
			}
		}
		return ids;
	}

	/** Every object under {@code users/}, as day and user id ({@code users/dt=<day>/user_id=<id>/<version>.json}). */
	static List<StoredObject> objects(S3ServerProcess server, String bucket) {
		try (S3Client s3 = server.client()) {
			return s3.listObjectsV2Paginator((request) -> request.bucket(bucket).prefix("users/"))
				.contents()
				.stream()
				.map((object) -> {
					String[] parts = object.key().split("/");
					return new StoredObject(parts[1].replace("dt=", ""), parts[2].replace("user_id=", ""),
							parts[3].replace(".json", ""));
				})
				.toList();
		}
	}

	/** The dead-letter topic from its start to its end, by the original position each letter names. */
	static List<DeadLetter> deadLetters(KafkaTestClients clients, String topic) {
		List<DeadLetter> letters = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = clients.consumer()) {
			var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
			if (partitions == null || partitions.isEmpty()) {
				return letters;
			}
			List<TopicPartition> assigned = partitions.stream().map((p) -> new TopicPartition(topic, p.partition())).toList();
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
			long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
			while (assigned.stream().anyMatch((tp) -> consumer.position(tp) < ends.get(tp))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end " + ends + " within a minute");
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					letters.add(new DeadLetter((int) header(record, "kafka_dlt-original-partition", 4),
							header(record, "kafka_dlt-original-offset", 8), text(record, "userstream-dlt-reason")));
				}
			}
		}
		return letters;
	}

	private static long header(ConsumerRecord<?, ?> record, String name, int size) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value().length != size) {
			return -1;
		}
		ByteBuffer value = ByteBuffer.wrap(header.value());
		return (size == 4) ? value.getInt() : value.getLong();
	}

	private static String text(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** Per partition, the group's committed offset (0 before its first commit). */
	static Map<Integer, Long> committed(KafkaTestClients clients, String group) {
		try (AdminClient admin = clients.admin()) {
			Map<Integer, Long> committed = new HashMap<>();
			get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), group)
				.forEach((tp, offset) -> committed.put(tp.partition(), (offset != null) ? offset.offset() : 0L));
			return committed;
		}
	}

	/** Writes every record, with its position, kind, expectation and bytes (escaped), one per line. */
	static Path dump(List<Sent> sent, String run) throws IOException {
		Path file = Files.createDirectories(Path.of("target", "process-logs"))
			.resolve(run + "-records.txt");
		Files.write(file, sent.stream()
			.map((s) -> s.where() + " " + s.record().kind() + " " + s.record().expect() + " key="
					+ ((s.record().key() != null) ? FuzzRecords.preview(s.record().key().getBytes(StandardCharsets.UTF_8), 80) : "null")
					+ " value=" + FuzzRecords.preview(s.record().value(), 8192))
			.toList());
		return file;
	}

	/** Per partition of the topic, its end offset minus the group's committed offset (the whole partition before a commit). */
	static Map<TopicPartition, Long> lag(KafkaTestClients clients, String group, String topic) {
		Map<Integer, Long> committed = committed(clients, group);
		try (AdminClient admin = clients.admin()) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			get(admin.describeTopics(List.of(topic)).allTopicNames(), topic).get(topic)
				.partitions()
				.forEach((p) -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
			Map<TopicPartition, Long> lag = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
			get(admin.listOffsets(latest).all(), topic)
				.forEach((tp, end) -> lag.put(tp, end.offset() - committed.getOrDefault(tp.partition(), 0L)));
			return lag;
		}
	}

	private static <T> T get(KafkaFuture<T> future, String what) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not read the offsets of " + what, ex.getCause());
		}
	}

}
