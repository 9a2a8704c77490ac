package dev.userstream.deploy;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.userstream.model.FernetKey;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application that posts a changed user again (same {@code user_id}) to {@code POST /api/users}
 * gets the change stored: both packaged jars against the embedded broker and database, the producer
 * gives each request a new {@code produced_at}, and the sink's table replaces the row with the newer
 * version.
 */
class ChangedUserRepostIntegrationTests {

	static final String TOPIC = "repost-users";

	static final String TOKEN = "repost-" + UUID.randomUUID();

	static final PackagedJars JARS = new PackagedJars();

	@Test
	void aChangedUserPostedAgainReplacesTheRow() throws Exception {
		String kafka = EmbeddedKafka.bootstrapServers();
		new KafkaTestClients(kafka).createTopic(TOPIC, 2);
		String key = FernetKey.generate(new SecureRandom()).encoded();
		int producerPort = ServiceProcess.freePort();
		int producerManagement = ServiceProcess.freePort();
		int sinkManagement = ServiceProcess.freePort();
		ServiceProcess producer = JARS.start(DeployedServices.PRODUCER, Map.of("PIPELINE_ENCRYPTION_KEYS", key, "PRODUCER_INGEST_TOKENS", TOKEN),
				"--producer.source=synthetic", "--producer.schedule.enabled=false", "--server.port=" + producerPort,
				"--management.server.port=" + producerManagement, "--spring.kafka.bootstrap-servers=" + kafka, "--pipeline.topic=" + TOPIC);
		DatabaseEndpoint db = EmbeddedDatabase.endpoint();
		ServiceProcess sink = JARS.start(DeployedServices.SINK, Map.of("PIPELINE_ENCRYPTION_KEYS", key, "SPRING_DATASOURCE_PASSWORD", db.password()),
				"--spring.profiles.active=jpa", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--server.port=0", "--management.server.port=" + sinkManagement, "--spring.kafka.bootstrap-servers=" + kafka,
				"--pipeline.topic=" + TOPIC, "--spring.kafka.consumer.group-id=repost");
		PackagedJars.awaitReady(producer, producerManagement);
		PackagedJars.awaitReady(sink, sinkManagement);
		String userId = UUID.randomUUID().toString();

		assertThat(post(producerPort, userId, "Ada Lovelace", "London").statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(90)).until(() -> "London".equals(city(db, userId)));
		assertThat(post(producerPort, userId, "Ada King", "Ockham").statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(90)).until(() -> "Ockham".equals(city(db, userId)));
		assertThat(rows(db, userId)).isOne();
	}

	@AfterAll
	static void stop() {
		JARS.close();
	}

	private static String city(DatabaseEndpoint db, String userId) throws Exception {
		try (Connection connection = db.connect();
				PreparedStatement query = connection.prepareStatement("SELECT city FROM users WHERE user_id = ?")) {
			query.setString(1, userId);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? row.getString(1) : null;
			}
		}
	}

	private static int rows(DatabaseEndpoint db, String userId) throws Exception {
		try (Connection connection = db.connect();
				PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM users WHERE user_id = ?")) {
			query.setString(1, userId);
			try (ResultSet count = query.executeQuery()) {
				count.next();
				return count.getInt(1);
			}
		}
	}

	private static HttpResponse<String> post(int port, String userId, String name, String city) throws Exception {
		String user = """
				[{"user_id": "%s", "name": "%s", "gender": "female", "country": "United Kingdom", "state": "London",
				  "city": "%s", "email": "ada@example.org", "dob": {"date": "1990-04-01"}, "username": "ada", "password": "pw"}]
				""".formatted(userId, name, city);
		return PackagedJars.postUsers(port, TOKEN, user);
	}

}
