package dev.userstream.sink.reliability;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkJar;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.S3ProxyServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash: the packaged sink, a separate process, is killed with SIGKILL (no shutdown hook, no last
 * commit) while it writes a stream of 20,000 records, then started again. Offsets are committed only
 * after a batch is durable and writes are idempotent, so the store ends with exactly one row / object
 * per record: none lost, none twice, none dead-lettered.
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
class SinkCrashIntegrationTests {

	static final int RECORDS = 20_000;

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	@Test
	void jpaStoresEveryRecordExactlyOnceAfterASigkillMidStream() {
		String source = "crash-" + UUID.randomUUID().toString().substring(0, 8);
		crashMidStreamAndRestart("jpa", RECORDS, "crash-jpa-users", source, () -> StoredUsers.rows(source), Duration.ofMinutes(5),
				"--spring.kafka.consumer.max-poll-records=100");
	}

	/**
	 * Against S3Proxy, not the suite's S3Mock: S3Mock re-reads a bucket's whole key index on every request,
	 * so 20,000 objects would take most of an hour; S3Proxy keeps one file per object.
	 */
	@Test
	void s3StoresEveryRecordExactlyOnceAfterASigkillMidStream() {
		S3ProxyServer s3 = S3ProxyServer.onFreePort().start();
		try {
			String bucket = "crash-" + UUID.randomUUID().toString().substring(0, 8);
			crashMidStreamAndRestart("s3", RECORDS, "crash-s3-users", "synthetic", () -> StoredUsers.objects(s3, bucket),
					Duration.ofMinutes(10), "--spring.cloud.aws.s3.endpoint=" + s3.endpoint(), "--sink.s3.bucket=" + bucket,
					"--sink.s3.upload-concurrency=32");
		}
		finally {
			s3.stop();
		}
	}

	private void crashMidStreamAndRestart(String profile, int records, String topic, String source,
			Supplier<List<String>> stored, Duration recovery, String... arguments) {
		this.clients.createTopic(topic, 3);
		List<UserRecord> users = TestUsers.users(records, source);
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(topic, user.userId(), TestUsers.json(user))));
		}
		List<String> args = new java.util.ArrayList<>(List.of(arguments));
		// the killed member leaves the group when its session expires: 10 s instead of 45 s
		args.add("--spring.kafka.consumer.properties.session.timeout.ms=10000");
		SinkJar sink = SinkJar.create(profile, topic, topic + "-group", args.toArray(String[]::new));
		try {
			sink.process().start();
			// a tenth committed (so stored): kill. Committed offsets are a cheap signal; listing a bucket of
			// thousands of objects took long enough for a fast sink to finish first
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
				.until(() -> this.clients.committedCount(topic + "-group") >= records / 10);
			sink.process().kill();
			assertThat(stored.get().size()).as("killed while writing, before the last record").isLessThan(records);

			sink.process().start();
			this.clients.awaitConsumed(topic + "-group", topic, recovery);
		}
		finally {
			sink.process().close();
		}
		List<String> ids = stored.get();
		assertThat(ids).as("one row/object per record").hasSize(records);
		assertThat(ids).containsExactlyInAnyOrderElementsOf(users.stream().map(UserRecord::userId).toList());
		assertThat(this.clients.recordCount(topic + "-dlt")).as("dead letters").isZero();
		assertThat(sink.process().output()).contains("Storing users with: [" + profile + "]");
	}

}
