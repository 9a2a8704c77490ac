package dev.userstream.sink;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.userstream.model.UserRecord;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar as users run it: {@code java -jar sink-service.jar --spring.profiles.active=jpa ...}
 * stores what arrives, and stops cleanly on SIGTERM.
 */
class SinkJarIntegrationTests {

	@Test
	void runsFromTheCommandLineStoresUsersAndStopsOnSigterm() throws Exception {
		String topic = "jar-it-users";
		KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());
		clients.createTopic(topic, 3);
		DatabaseEndpoint db = EmbeddedDatabase.endpoint();
		Path log = Files.createTempFile(Path.of("target"), "sink-jar-", ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", new File("target/sink-service.jar").getAbsolutePath(), "--spring.profiles.active=jpa",
				"--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--pipeline.topic=" + topic, "--spring.kafka.consumer.group-id=jar-it", "--server.port=0",
				"--management.server.port=0"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", db.password());
		builder.environment().put("PIPELINE_ENCRYPTION_KEYS", TestUsers.KEY);
		Process sink = builder.start();
		try {
			List<UserRecord> users = TestUsers.users(50);
			try (KafkaProducer<String, byte[]> producer = clients.producer()) {
				users.forEach((u) -> producer.send(new ProducerRecord<>(topic, u.userId(), TestUsers.json(u))));
			}
			await().atMost(Duration.ofSeconds(90)).until(() -> stored(db, users) == users.size());
		}
		finally {
			sink.destroy(); // SIGTERM
		}
		assertThat(sink.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
		String output = Files.readString(log);
		assertThat(output).contains("Started SinkApplication").contains("Storing users with: [jpa]");
		assertThat(output).doesNotContain(TestUsers.KEY);
	}

	private static int stored(DatabaseEndpoint db, List<UserRecord> users) throws Exception {
		try (Connection connection = db.connect()) {
			var statement = connection.prepareStatement("SELECT COUNT(*) FROM users WHERE user_id IN ("
					+ String.join(",", users.stream().map((u) -> "?").toList()) + ")");
			for (int i = 0; i < users.size(); i++) {
				statement.setString(i + 1, users.get(i).userId());
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
		catch (java.sql.SQLException ex) {
			return -1; // the table appears when the sink's Flyway migration has run
		}
	}

}
