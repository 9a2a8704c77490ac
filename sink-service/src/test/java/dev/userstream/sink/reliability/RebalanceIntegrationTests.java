package dev.userstream.sink.reliability;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkApplication;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebalance: two sink instances share one consumer group while a stream of 20,000 records arrives;
 * one is stopped mid-stream and the other takes over its partitions. Every record ends stored exactly
 * once (partitions move only at committed offsets, and a redelivered record is a no-op).
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
class RebalanceIntegrationTests {

	static final String TOPIC = "rebalance-users";

	static final String GROUP = "rebalance-it";

	static final int RECORDS = 20_000;

	static final int PER_TICK = 100;

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	final String source = "rebalance-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void storesEveryRecordOnceWhenOneOfTwoInstancesStopsMidStream() throws Exception {
		this.clients.createTopic(TOPIC, 6);
		List<UserRecord> users = TestUsers.users(RECORDS, this.source);
		AtomicInteger sent = new AtomicInteger();
		ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
		try (ConfigurableApplicationContext first = startSink(); ConfigurableApplicationContext second = startSink();
				KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			// each instance runs spring.kafka.listener.concurrency (3) consumers: 6 members, a partition each
			await().atMost(Duration.ofSeconds(60)).until(() -> activeMembers() == 6);
			stream.scheduleAtFixedRate(() -> {
				int from = sent.get();
				users.subList(from, Math.min(from + PER_TICK, RECORDS))
					.forEach((user) -> producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))));
				producer.flush();
				sent.set(Math.min(from + PER_TICK, RECORDS));
			}, 0, 100, TimeUnit.MILLISECONDS); // 1,000 records/s: a 20 s stream
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
				.until(() -> StoredUsers.rows(this.source).size() >= 3_000);

			first.close();
			assertThat(sent.get()).as("stopped mid-stream").isLessThan(RECORDS);

			await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() == RECORDS);
			stream.shutdown();
			assertThat(stream.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			this.clients.awaitConsumed(GROUP, TOPIC, Duration.ofSeconds(120));
			assertThat(second.isActive()).isTrue();
		}
		finally {
			stream.shutdownNow();
		}
		assertThat(StoredUsers.rows(this.source)).as("one row per record")
			.containsExactlyInAnyOrderElementsOf(users.stream().map(UserRecord::userId).toList());
		assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("dead letters").isZero();
	}

	/** Members of the group that hold at least one partition. */
	private long activeMembers() throws Exception {
		try (AdminClient admin = this.clients.admin()) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
			return group.members().stream().filter((m) -> !m.assignment().topicPartitions().isEmpty()).count();
		}
	}

	private ConfigurableApplicationContext startSink() {
		DatabaseEndpoint db = EmbeddedDatabase.endpoint();
		return new SpringApplicationBuilder(SinkApplication.class).profiles("jpa").run(
				"--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(), "--pipeline.topic=" + TOPIC,
				"--spring.kafka.consumer.group-id=" + GROUP, "--spring.kafka.consumer.max-poll-records=100",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--pipeline.encryption.keys=" + TestUsers.KEY,
				"--server.port=0", "--management.server.port=0");
	}

}
