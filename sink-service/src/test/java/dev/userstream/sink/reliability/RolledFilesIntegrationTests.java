package dev.userstream.sink.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkJar;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.EmbeddedS3;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The S3 {@code batch} layout's rolled files across a crash and a rebalance, with the packaged sink as
 * separate processes: files are cut by count and by a short rotate interval (so cuts by time differ between
 * runs and writers), and in the end every record is in exactly one object, read back line by line from
 * every object of the bucket: none lost (an open file's offsets were never committed), none twice (a file
 * name is taken once; a writer that finds it taken aligns to it).
 */
@Tag("slow") // processes of the packaged sink: profile reliability, which CI runs
class RolledFilesIntegrationTests {

	static final int RECORDS = 3_000;

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void everyRecordIsInExactlyOneFileAfterASigkillMidFile() {
		String topic = "rolled-crash-" + this.run;
		String bucket = "rolled-crash-" + this.run;
		this.clients.createTopic(topic, 3);
		List<UserRecord> users = TestUsers.users(RECORDS, "rolled-crash");
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(topic, user.userId(), TestUsers.json(user))));
		}
		SinkJar sink = sink(topic, bucket, true);
		try {
			sink.process().start();
			// some files stored and committed, others open: kill
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
				.until(() -> this.clients.committedCount(topic + "-group") >= RECORDS / 5);
			sink.process().kill();
			assertThat(stored(bucket).size()).as("killed before the last record was stored").isLessThan(RECORDS);

			sink.process().start();
			// the last files close by time, on an idle consumer, and are committed then
			this.clients.awaitConsumed(topic + "-group", topic, Duration.ofMinutes(2));
		}
		finally {
			sink.process().close();
		}
		assertThat(stored(bucket)).as("every record in exactly one object")
			.hasSize(RECORDS)
			.containsExactlyInAnyOrderElementsOf(users.stream().map(UserRecord::userId).toList());
		assertThat(this.clients.recordCount(topic + "-dlt")).as("dead letters").isZero();
	}

	@Test
	void everyRecordIsInExactlyOneFileWhenASecondInstanceJoinsAndLeavesMidStream() throws Exception {
		String topic = "rolled-rebalance-" + this.run;
		String bucket = "rolled-rebalance-" + this.run;
		this.clients.createTopic(topic, 4);
		List<UserRecord> users = TestUsers.users(RECORDS, "rolled-rebalance");
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger limit = new AtomicInteger(RECORDS / 3);
		ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
		SinkJar first = sink(topic, bucket, false);
		SinkJar second = sink(topic, bucket, false);
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			first.process().start();
			await().atMost(Duration.ofMinutes(5)).ignoreExceptions().until(() -> members(topic + "-group") == 3);
			// 200 records/s, up to the limit of the phase
			stream.scheduleAtFixedRate(() -> {
				int from = sent.get();
				int to = Math.min(from + 20, limit.get());
				users.subList(from, to)
					.forEach((user) -> producer.send(new ProducerRecord<>(topic, user.userId(), TestUsers.json(user))));
				producer.flush();
				sent.set(to);
			}, 0, 100, TimeUnit.MILLISECONDS);

			second.process().start(); // joins: partitions move from the first instance, open files dropped there
			await().atMost(Duration.ofMinutes(5)).ignoreExceptions().until(() -> members(topic + "-group") == 6);
			limit.set(RECORDS * 2 / 3);
			await().atMost(Duration.ofMinutes(1)).until(() -> sent.get() == RECORDS * 2 / 3);
			second.process().stop(); // SIGTERM, it leaves: its partitions go back

			limit.set(RECORDS);
			await().atMost(Duration.ofMinutes(1)).until(() -> sent.get() == RECORDS);
			stream.shutdown();
			assertThat(stream.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			this.clients.awaitConsumed(topic + "-group", topic, Duration.ofMinutes(2));
		}
		finally {
			stream.shutdownNow();
			second.process().close();
			first.process().close();
		}
		assertThat(stored(bucket)).as("every record in exactly one object")
			.hasSize(RECORDS)
			.containsExactlyInAnyOrderElementsOf(users.stream().map(UserRecord::userId).toList());
	}

	private static SinkJar sink(String topic, String bucket, boolean gzip) {
		return SinkJar.create("s3", topic, topic + "-group", "--sink.s3.bucket=" + bucket, "--sink.s3.layout=batch",
				"--sink.s3.batch.max-records=150", "--sink.s3.batch.rotate-interval=1s", "--sink.s3.batch.gzip=" + gzip,
				"--spring.kafka.consumer.max-poll-records=40",
				// a killed member leaves the group when its session expires: 10 s instead of 45 s
				"--spring.kafka.consumer.properties.session.timeout.ms=10000");
	}

	/** Members of the consumer group (a sink instance has three, one per consumer thread). */
	private int members(String group) throws Exception {
		try (AdminClient admin = this.clients.admin()) {
			return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
		}
	}

	/** The user id of every line of every object in the bucket: a record stored twice shows twice. */
	private static List<String> stored(String bucket) {
		List<String> ids = new ArrayList<>();
		try (S3Client s3 = EmbeddedS3.server().client()) {
			s3.listObjectsV2Paginator((request) -> request.bucket(bucket).prefix("users/batch/")).contents().forEach((object) -> {
				byte[] body = s3.getObjectAsBytes((request) -> request.bucket(bucket).key(object.key())).asByteArray();
				String ndjson = object.key().endsWith(".gz") ? gunzip(body) : new String(body, StandardCharsets.UTF_8);
				ndjson.lines().forEach((line) -> ids.add(JsonMapper.shared().readTree(line).path("user_id").asString()));
			});
		}
		catch (NoSuchBucketException ex) {
			return List.of(); // the sink creates it at start-up
		}
		return ids;
	}

	private static String gunzip(byte[] body) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
