package dev.userstream.sink.reliability;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkJar;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.ServiceProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM while the packaged sink writes batches to both stores (every batch takes a while: hundreds
 * of uploads): the batches in flight finish and are committed, or are consumed again after the
 * restart; the process exits within the grace period Kubernetes gives it (the chart's 45 s), and
 * every record ends stored exactly once, none dead-lettered.
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
class SinkSigtermIntegrationTests {

	static final String TOPIC = "sigterm-users";

	static final String GROUP = "sigterm-it";

	static final int RECORDS = 4_000;

	static final Duration GRACE = Duration.ofSeconds(45);

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	final String source = "sigterm-" + UUID.randomUUID().toString().substring(0, 8);

	final String bucket = "sigterm-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void finishesOrHandsBackTheBatchInFlightAndExitsWithinTheGracePeriod() {
		this.clients.createTopic(TOPIC, 3);
		List<UserRecord> users = TestUsers.users(RECORDS, this.source);
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))));
		}
		SinkJar sink = SinkJar.create("jpa,s3", TOPIC, GROUP, "--sink.s3.bucket=" + this.bucket,
				"--spring.kafka.consumer.max-poll-records=200");
		try (ServiceProcess process = sink.process().start()) {
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
				.until(() -> this.clients.committedCount(GROUP) >= RECORDS / 5);
			long stopping = System.nanoTime();
			process.stop();
			Duration took = Duration.ofNanos(System.nanoTime() - stopping);
			assertThat(took).as("exit after SIGTERM").isLessThan(GRACE);
			assertThat(StoredUsers.rows(this.source).size()).as("stopped mid-stream").isLessThan(RECORDS);
			assertThat(process.output()).doesNotContain("Retries of a failed store ended");

			process.start();
			this.clients.awaitConsumed(GROUP, TOPIC, Duration.ofMinutes(5));
		}
		List<String> ids = users.stream().map(UserRecord::userId).toList();
		assertThat(StoredUsers.rows(this.source)).as("one row per record").containsExactlyInAnyOrderElementsOf(ids);
		assertThat(StoredUsers.objects(this.bucket)).as("one object per record").containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("dead letters").isZero();
	}

}
