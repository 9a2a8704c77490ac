package dev.userstream.sink.reliability;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.userstream.model.FernetKey;
import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkJar;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Secrets: the packaged sink runs with a known Fernet key, a known database password (one the database
 * really checks) and a known AWS secret key. No log line, actuator endpoint, dead-letter header or
 * start-up failure shows any of them; only health, info and prometheus are exposed.
 */
class SinkSecretsIntegrationTests {

	static final String TOPIC = "secrets-users";

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	final String fernetKey = FernetKey.generate(new SecureRandom()).encoded();

	final String awsSecretKey = "aws-secret-" + random(12);

	@Test
	void neverShowsTheKeyTheDatabasePasswordOrTheAwsSecret() throws Exception {
		this.clients.createTopic(TOPIC, 1);
		try (DatabaseUser user = DatabaseUser.withPassword()) {
			List<String> secrets = List.of(this.fernetKey, user.endpoint().password(), this.awsSecretKey);
			SinkJar sink = SinkJar.create("jpa,s3", TOPIC, "secrets-it", user.endpoint(),
					Map.of("PIPELINE_ENCRYPTION_KEYS", this.fernetKey + "," + TestUsers.KEY, "SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY", this.awsSecretKey),
					"--sink.s3.bucket=secrets-it", "--logging.level.root=DEBUG", "--logging.level.org.apache.kafka=INFO");
			try {
				sink.process().start();
				UserRecord good = TestUsers.user(1);
				try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
					producer.send(new ProducerRecord<>(TOPIC, good.userId(), TestUsers.json(good)));
					producer.send(new ProducerRecord<>(TOPIC, "not-json", "{\"email\":".getBytes(StandardCharsets.UTF_8)));
				}
				List<ConsumerRecord<String, byte[]>> deadLetters = this.clients.readAll(TOPIC + "-dlt", 1, Duration.ofSeconds(120));
				await().atMost(Duration.ofSeconds(60)).until(() -> stored(good));
				await().atMost(Duration.ofSeconds(60)).until(() -> sink.actuator("health/readiness").status() == 200);

				for (String endpoint : List.of("env", "configprops", "beans", "heapdump", "threaddump", "loggers", "mappings")) {
					assertThat(sink.actuator(endpoint).status()).as("/actuator/" + endpoint).isEqualTo(404);
				}
				for (String endpoint : List.of("", "health", "health/readiness", "health/liveness", "info", "prometheus")) {
					Http.Response response = sink.actuator(endpoint);
					assertThat(response.status()).as("/actuator/" + endpoint).isEqualTo(200);
					assertThat(response.body()).as("/actuator/" + endpoint).doesNotContain(secrets);
				}
				assertThat(sink.actuator("").body()).contains("health", "info", "prometheus").doesNotContain("\"env\"");
				for (ConsumerRecord<String, byte[]> deadLetter : deadLetters) {
					for (Header header : deadLetter.headers()) {
						assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(header.key()).doesNotContain(secrets);
					}
				}
			}
			finally {
				sink.process().stop();
			}
			String output = sink.process().output();
			assertThat(output).contains("Started SinkApplication").contains("DEBUG");
			assertThat(output).doesNotContain(secrets);
		}
	}

	@Test
	void refusesAMalformedKeyWithExitCodeOneAndOneLineNamingThePropertyNotTheKey() {
		String malformed = this.fernetKey + "," + this.fernetKey.substring(0, 40) + "!!!!";
		SinkJar sink = SinkJar.create("s3", TOPIC, "secrets-bad-key", EmbeddedDatabase.endpoint(),
				Map.of("PIPELINE_ENCRYPTION_KEYS", malformed), "--sink.s3.bucket=secrets-it");

		sink.process().start();

		assertThat(sink.process().awaitExit(Duration.ofSeconds(90))).isNotZero();
		String output = sink.process().output();
		assertThat(output.lines().filter((line) -> line.contains("pipeline.encryption.keys"))).isNotEmpty();
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain(this.fernetKey.substring(0, 40));
	}

	private static boolean stored(UserRecord user) throws SQLException {
		try (Connection connection = EmbeddedDatabase.endpoint().connect();
				var query = connection.prepareStatement("SELECT COUNT(*) FROM users WHERE user_id = ?")) {
			query.setString(1, user.userId());
			try (var result = query.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	private static String random(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	/**
	 * A database user with a random password that the database really checks: a new user when the test
	 * account may create one, else the account of {@code TEST_DB_PASSWORD} (CI's). Never an empty password.
	 */
	record DatabaseUser(DatabaseEndpoint endpoint, String created) implements AutoCloseable {

		static DatabaseUser withPassword() {
			DatabaseEndpoint admin = EmbeddedDatabase.endpoint();
			String name = "us_secrets_" + random(4);
			String password = "Pw" + random(16);
			String database = admin.url().replaceFirst("^.*//[^/]+/([^?]+).*$", "$1");
			try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
				for (String host : List.of("%", "localhost", "127.0.0.1")) {
					statement.execute("CREATE USER '" + name + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
					statement.execute("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + name + "'@'" + host + "'");
				}
				return new DatabaseUser(new DatabaseEndpoint(admin.url(), name, password), name);
			}
			catch (SQLException ex) {
				assertThat(admin.password()).as("no privilege to create a database user (%s), and TEST_DB_PASSWORD is empty",
						ex.getMessage()).isNotEmpty();
				return new DatabaseUser(admin, null);
			}
		}

		@Override
		public void close() throws SQLException {
			if (this.created == null) {
				return;
			}
			try (Connection connection = EmbeddedDatabase.endpoint().connect(); Statement statement = connection.createStatement()) {
				for (String host : List.of("%", "localhost", "127.0.0.1")) {
					statement.execute("DROP USER IF EXISTS '" + this.created + "'@'" + host + "'");
				}
			}
		}

	}

}
