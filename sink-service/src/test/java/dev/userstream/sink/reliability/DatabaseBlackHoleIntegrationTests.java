package dev.userstream.sink.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkJar;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.ServiceProcess;
import dev.userstream.testsupport.TcpProxy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database black-holed while the packaged sink streams into it: its TCP connections stay open
 * but no byte goes through (packets dropped, no reset), new ones are accepted and never answered.
 * With the sink's default timeouts every statement fails within {@code socketTimeout} (60 s), well
 * within {@code max.poll.interval.ms} (lowered here to 90 s to keep the test short): the writer
 * reports the failure and readiness goes DOWN,
 * the consumers keep their places in the group (the same member ids throughout, so no rebalance),
 * nothing is dead-lettered, and once the network is back every record is stored exactly once.
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
class DatabaseBlackHoleIntegrationTests {

	static final String TOPIC = "blackhole-users";

	static final String GROUP = "blackhole-it";

	static final Duration SILENCE = Duration.ofSeconds(30);

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	final String source = "blackhole-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void waitsOutABlackHoledDatabaseInItsGroupAndStoresEveryRecordOnce() throws Exception {
		this.clients.createTopic(TOPIC, 3);
		List<UserRecord> users = TestUsers.users(10_000, this.source);
		DatabaseEndpoint database = EmbeddedDatabase.endpoint();
		try (TcpProxy proxy = database.proxy()) {
			SinkJar sink = SinkJar.create("jpa", TOPIC, GROUP, database.through(proxy), Map.of(),
					"--spring.kafka.consumer.max-poll-records=20",
					"--spring.kafka.consumer.properties.max.poll.interval.ms=90000");
			try (ServiceProcess process = sink.process().start();
					SteadyStream stream = new SteadyStream(this.clients, TOPIC, users, 10)) {
				// 100 records/s in batches of up to 20: a statement is in flight, or its connection was
				// used a moment ago (so the pool hands it out unchecked), when the packets stop
				await().atMost(Duration.ofMinutes(2)).until(() -> StoredUsers.rows(this.source).size() >= 300);
				Set<String> members = ConsumerGroups.activeMemberIds(this.clients, GROUP);
				assertThat(members).as("one consumer per partition").hasSize(3);

				proxy.blackHole();
				// not just the db health check (its own timeout): the writer's statements came back failed
				// and are retried, so the consumer threads are not stuck in them
				await().atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofSeconds(1))
					.until(() -> sink.readinessOf("pipeline").equals("DOWN"));
				await().during(SILENCE).atMost(SILENCE.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
					.until(() -> sink.actuator("health/readiness").status() == 503
							&& this.clients.recordCount(TOPIC + "-dlt") == 0);
				assertThat(ConsumerGroups.activeMemberIds(this.clients, GROUP)).as("the same members: no rebalance")
					.isEqualTo(members);

				proxy.restore();
				await().atMost(Duration.ofMinutes(2)).until(stream::done);
				this.clients.awaitConsumed(GROUP, TOPIC, Duration.ofMinutes(3));
				await().atMost(Duration.ofSeconds(30)).until(() -> sink.actuator("health/readiness").status() == 200);
				assertThat(ConsumerGroups.activeMemberIds(this.clients, GROUP)).as("the same members after the outage")
					.isEqualTo(members);
			}
		}
		assertThat(StoredUsers.rows(this.source)).as("one row per record")
			.containsExactlyInAnyOrderElementsOf(users.stream().map(UserRecord::userId).toList());
		assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("dead letters").isZero();
	}

}
