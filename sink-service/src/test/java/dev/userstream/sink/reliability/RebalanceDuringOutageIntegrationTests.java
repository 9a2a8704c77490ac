package dev.userstream.sink.reliability;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkApplication;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.TcpProxy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebalances while every batch is being retried: the database is cut (through a TCP proxy) under a
 * sink instance, a second instance joins the group and the first one leaves, both while the store is
 * still down, so partitions move away from consumers that hold failed, uncommitted batches. When the
 * database is back every record is stored exactly once and none is dead-lettered: a batch's offsets
 * are committed only once it is stored, by whichever instance stores it.
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
class RebalanceDuringOutageIntegrationTests {

	static final String TOPIC = "rebalance-outage-users";

	static final String GROUP = "rebalance-outage-it";

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	final String source = "rb-outage-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void storesEveryRecordOnceWhenMembersJoinAndLeaveDuringAnOutage() throws Exception {
		this.clients.createTopic(TOPIC, 6);
		List<UserRecord> users = TestUsers.users(6_000, this.source);
		DatabaseEndpoint database = EmbeddedDatabase.endpoint();
		try (TcpProxy proxy = database.proxy();
				SteadyStream stream = new SteadyStream(this.clients, TOPIC, users, 20);
				ConfigurableApplicationContext first = startSink(database.through(proxy))) {
			await().atMost(Duration.ofMinutes(2)).until(() -> StoredUsers.rows(this.source).size() >= 500);

			proxy.cut();
			await().atMost(Duration.ofSeconds(60)).until(() -> readiness(first) == 503);
			try (ConfigurableApplicationContext second = startSink(database.through(proxy))) {
				// the second instance's consumers join while the first one's retry their batches
				await().atMost(Duration.ofSeconds(90)).until(() -> ConsumerGroups.activeMemberIds(this.clients, GROUP).size() == 6);
				await().atMost(Duration.ofSeconds(60)).until(() -> readiness(second) == 503);
				first.close(); // and the first one leaves while the second one's are retrying
				await().atMost(Duration.ofSeconds(90)).until(() -> ConsumerGroups.activeMemberIds(this.clients, GROUP).size() == 3);
				assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("dead letters during the outage").isZero();

				proxy.restore();
				await().atMost(Duration.ofMinutes(2)).until(stream::done);
				this.clients.awaitConsumed(GROUP, TOPIC, Duration.ofMinutes(3));
				assertThat(readiness(second)).isEqualTo(200);
			}
		}
		assertThat(StoredUsers.rows(this.source)).as("one row per record")
			.containsExactlyInAnyOrderElementsOf(users.stream().map(UserRecord::userId).toList());
		assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("dead letters").isZero();
	}

	private static int readiness(ConfigurableApplicationContext sink) {
		String port = sink.getEnvironment().getProperty("local.management.port");
		return Http.get("http://127.0.0.1:" + port + "/actuator/health/readiness").status();
	}

	private ConfigurableApplicationContext startSink(DatabaseEndpoint db) {
		return new SpringApplicationBuilder(SinkApplication.class).profiles("jpa").run(
				"--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(), "--pipeline.topic=" + TOPIC,
				"--spring.kafka.consumer.group-id=" + GROUP, "--spring.kafka.consumer.max-poll-records=100",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--pipeline.encryption.keys=" + TestUsers.KEY,
				"--sink.retry.initial-interval=200ms", "--sink.retry.max-interval=2s",
				"--server.port=0", "--management.server.port=0");
	}

}
