package dev.userstream.sink.reliability;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkApplication;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.EmbeddedS3;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.TcpProxy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebalances while every batch is being retried: S3 is cut (through a TCP proxy) under a sink instance
 * that writes to the database and S3, a second instance joins the group and the first one leaves,
 * both while S3 is still down, so partitions move away from consumers that hold failed, uncommitted
 * batches (already written to the database, not to S3). When S3 is back every record is stored
 * exactly once in each store and none is dead-lettered: a batch's offsets are committed only once it
 * is stored, by whichever instance stores it. (S3 rather than the database is cut because an
 * instance cannot start without its database: Flyway migrates at start-up.)
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
class RebalanceDuringOutageIntegrationTests {

	static final String TOPIC = "rebalance-outage-users";

	static final String GROUP = "rebalance-outage-it";

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	final String source = "rb-outage-" + UUID.randomUUID().toString().substring(0, 8);

	final String bucket = "rb-outage-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void storesEveryRecordOnceWhenMembersJoinAndLeaveDuringAnOutage() throws Exception {
		this.clients.createTopic(TOPIC, 6);
		List<UserRecord> users = TestUsers.users(3_000, this.source);
		URI s3 = EmbeddedS3.server().endpoint();
		try (S3Client client = EmbeddedS3.server().client()) {
			client.createBucket((request) -> request.bucket(this.bucket));
		}
		try (TcpProxy proxy = new TcpProxy(s3.getHost(), s3.getPort());
				SteadyStream stream = new SteadyStream(this.clients, TOPIC, users, 10);
				ConfigurableApplicationContext first = startSink(proxy)) {
			await().atMost(Duration.ofMinutes(2)).until(() -> StoredUsers.rows(this.source).size() >= 300);

			proxy.cut();
			// ignoring time-outs: the probe may take longer than the test's HTTP client waits (10 s) while S3
			// is down, which a Kubernetes probe (1 s) counts as not ready too
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> readiness(first) == 503);
			try (ConfigurableApplicationContext second = startSink(proxy)) {
				// the second instance's consumers join while the first one's retry their batches
				await().atMost(Duration.ofSeconds(90)).until(() -> ConsumerGroups.activeMemberIds(this.clients, GROUP).size() == 6);
				await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> readiness(second) == 503);
				first.close(); // and the first one leaves while the second one's are retrying
				await().atMost(Duration.ofSeconds(90)).until(() -> ConsumerGroups.activeMemberIds(this.clients, GROUP).size() == 3);
				assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("dead letters during the outage").isZero();

				proxy.restore();
				await().atMost(Duration.ofMinutes(2)).until(stream::done);
				this.clients.awaitConsumed(GROUP, TOPIC, Duration.ofMinutes(3));
				await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> readiness(second) == 200);
			}
		}
		List<String> ids = users.stream().map(UserRecord::userId).toList();
		assertThat(StoredUsers.rows(this.source)).as("one row per record").containsExactlyInAnyOrderElementsOf(ids);
		assertThat(StoredUsers.objects(this.bucket)).as("one object per record").containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("dead letters").isZero();
	}

	private static int readiness(ConfigurableApplicationContext sink) {
		String port = sink.getEnvironment().getProperty("local.management.port");
		return Http.get("http://127.0.0.1:" + port + "/actuator/health/readiness").status();
	}

	private ConfigurableApplicationContext startSink(TcpProxy s3) {
		DatabaseEndpoint db = EmbeddedDatabase.endpoint();
		return new SpringApplicationBuilder(SinkApplication.class).profiles("jpa", "s3").run(
				"--spring.cloud.aws.s3.endpoint=http://127.0.0.1:" + s3.port(),
				"--spring.cloud.aws.s3.path-style-access-enabled=true", "--spring.cloud.aws.region.static=us-east-1",
				"--spring.cloud.aws.credentials.access-key=test", "--spring.cloud.aws.credentials.secret-key=test",
				"--sink.s3.bucket=" + this.bucket, "--sink.s3.create-bucket=false",
				"--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(), "--pipeline.topic=" + TOPIC,
				"--spring.kafka.consumer.group-id=" + GROUP, "--spring.kafka.consumer.max-poll-records=100",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--pipeline.encryption.keys=" + TestUsers.KEY,
				"--sink.retry.initial-interval=200ms", "--sink.retry.max-interval=2s",
				"--server.port=0", "--management.server.port=0");
	}

}
