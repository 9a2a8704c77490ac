package dev.userstream.sink.reliability;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.userstream.model.FernetKey;
import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkJar;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.EmbeddedDatabase;
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
 * Key rotation done in the wrong order: the producer already encrypts with a new key B while the
 * sink knows only the old key A. Every record of every batch then fails the signature check; that is
 * a configuration outage, not a stream of bad records: readiness goes DOWN, the batches are retried,
 * nothing is dead-lettered or stored. Restarted with {@code B,A}, the sink stores every record once.
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
class ProducerRotatedFirstIntegrationTests {

	static final String TOPIC = "rotated-first-users";

	static final String GROUP = "rotated-first-it";

	static final String NEW_KEY = FernetKey.generate(new SecureRandom()).encoded();

	static final Duration HELD = Duration.ofSeconds(20);

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	final String source = "rotated-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void holdsRecordsUnderAKeyItDoesNotKnowYetAndStoresThemOnceGivenTheKey() {
		this.clients.createTopic(TOPIC, 3);
		List<UserRecord> users = TestUsers.usersEncryptedWith(NEW_KEY, 300, this.source);
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))));
		}

		SinkJar oldKeyOnly = SinkJar.create("jpa", TOPIC, GROUP); // PIPELINE_ENCRYPTION_KEYS = A
		try (ServiceProcess process = oldKeyOnly.process().start()) {
			process.awaitOutput("Started SinkApplication", Duration.ofSeconds(120));
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
				.until(() -> oldKeyOnly.actuator("health/readiness").status() == 503);
			await().during(HELD).atMost(HELD.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
				.until(() -> oldKeyOnly.actuator("health/readiness").status() == 503
						&& this.clients.recordCount(TOPIC + "-dlt") == 0 && StoredUsers.rows(this.source).isEmpty());
			assertThat(this.clients.committedCount(GROUP)).as("nothing committed").isZero();
			process.stop();
		}

		SinkJar bothKeys = SinkJar.create("jpa", TOPIC, GROUP, EmbeddedDatabase.endpoint(),
				Map.of("PIPELINE_ENCRYPTION_KEYS", NEW_KEY + "," + TestUsers.KEY));
		try (ServiceProcess process = bothKeys.process().start()) {
			this.clients.awaitConsumed(GROUP, TOPIC, Duration.ofMinutes(3));
			await().atMost(Duration.ofSeconds(30)).until(() -> bothKeys.actuator("health/readiness").status() == 200);
		}
		assertThat(StoredUsers.rows(this.source)).as("one row per record")
			.containsExactlyInAnyOrderElementsOf(users.stream().map(UserRecord::userId).toList());
		assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("dead letters").isZero();
	}

}
