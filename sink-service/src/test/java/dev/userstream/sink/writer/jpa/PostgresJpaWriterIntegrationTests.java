package dev.userstream.sink.writer.jpa;

import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.PostgresTestConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The jpa profile on PostgreSQL: the sink's own listener and writer against a real PostgreSQL (a fresh
 * database on the machine's server, or {@code postgres:17} with {@code -Pcontainers}), its schema made
 * by the postgresql migrations and validated by Hibernate; newest version wins ({@link VersionOrderTests}).
 * JDBC calls are recorded between Hibernate and the driver (datasource-proxy), as in
 * {@link JpaUserWriterBatchingIntegrationTests}.
 */
@SpringBootTest(properties = { "pipeline.topic=" + PostgresJpaWriterIntegrationTests.TOPIC,
		"spring.kafka.consumer.group-id=" + PostgresJpaWriterIntegrationTests.GROUP,
		// sessions in a zone other than UTC (the JVM's, here UTC, is the driver's default): stored values must not move
		"spring.datasource.hikari.connection-init-sql=SET TIME ZONE 'America/New_York'" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, PostgresTestConfiguration.class, RecordedJdbc.Recording.class })
class PostgresJpaWriterIntegrationTests implements VersionOrderTests {

	static final String TOPIC = "pg-it-users";

	static final String GROUP = "pg-it";

	@Autowired
	RecordedJdbc jdbcCalls;

	private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> TestUsers.KEY);
	}

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JpaUserWriter writer;

	@Autowired
	Flyway flyway;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MeterRegistry meters;

	@Test
	void storesEachUserOnceWithTheFieldsAsSentAndIgnoresTheSameRecordsSentAgain() {
		KafkaTestClients clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		clients.createTopic(TOPIC, 3);
		List<UserRecord> users = TestUsers.users(200);
		send(clients, users);
		await().atMost(Duration.ofSeconds(60)).until(() -> storedCount(users) == users.size());
		users.subList(0, 10).forEach(this::assertStoredAsSent);

		send(clients, users);
		clients.awaitConsumed(GROUP, TOPIC, Duration.ofSeconds(60));
		assertThat(storedCount(users)).isEqualTo(users.size());
	}

	@Test
	void insertsABatchOf500AsOneJdbcBatchAndSkipsItWhenWrittenAgain() {
		this.jdbcCalls.assertOneJdbcBatchThenNoInsert(this.writer, JpaUserWriterBatchingIntegrationTests.batchOf(500), this.jdbc);
	}

	@Test
	void driverSendsJdbcBatchesAsMultiRowInserts() {
		Boolean rewrites = this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> connection
			.unwrap(BaseConnection.class)
			.getQueryExecutor()
			.isReWriteBatchedInsertsEnabled());
		assertThat(rewrites).as("reWriteBatchedInserts").isTrue();
	}

	@Test
	void driverErrorsDoNotCarryTheValuesOfTheRows() {
		String userId = UUID.randomUUID().toString();
		List<Object[]> sameUserTwice = List.of(new Object[] { userId, "Personal Name" }, new Object[] { userId, "Personal Name" });
		Throwable failure = catchThrowable(() -> this.jdbc.batchUpdate(
				"INSERT INTO users (user_id, name, email, dob_date, username, password, ingested_at)"
						+ " VALUES (?, ?, 'e', DATE '2000-01-01', 'u', 'p', now())",
				sameUserTwice));
		assertThat(failure).isInstanceOf(DuplicateKeyException.class);
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
			if (cause instanceof SQLException sql && sql.getNextException() != null) {
				messages.append(sql.getNextException().getMessage()).append('\n');
			}
		}
		assertThat(messages.toString()).contains("uk_users_user_id").doesNotContain("Personal Name", userId);
	}

	@Test
	void createsTheTableWithThePostgresqlMigrations() {
		MigrationInfo[] applied = this.flyway.info().applied();
		assertThat(applied).hasSize(2);
		assertThat(applied[0].getVersion().getVersion()).isEqualTo("1");
		assertThat(applied[0].getState().isApplied()).isTrue();
		assertThat(applied[0].getPhysicalLocation().replace('\\', '/')).contains("db/migration/postgresql/V1__create_users_table.sql");
		assertThat(applied[1].getVersion().getVersion()).isEqualTo("2");
		assertThat(applied[1].getPhysicalLocation().replace('\\', '/')).contains("db/migration/postgresql/V2__add_kafka_position.sql");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version IN ('1', '2') AND success",
				Integer.class)).isEqualTo(2);
	}

	@Override
	public UserVersions versions() {
		return new UserVersions(this.writer, this.jdbc, this.transaction, this.meters);
	}

	private void assertStoredAsSent(UserRecord user) {
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT *, to_char(produced_at, 'YYYY-MM-DD HH24:MI:SS.US') AS produced_at_utc FROM users WHERE user_id = ?",
				user.userId());
		assertThat(row).containsEntry("user_id", user.userId())
			.containsEntry("name", user.name())
			.containsEntry("gender", user.gender())
			.containsEntry("country", user.country())
			.containsEntry("state", user.state())
			.containsEntry("city", user.city())
			.containsEntry("email", user.email())
			.containsEntry("username", user.username())
			.containsEntry("password", user.password())
			.containsEntry("dob_age", user.dob().age())
			.containsEntry("source", user.source());
		assertThat(row.get("dob_date").toString()).isEqualTo(user.dob().date().substring(0, 10));
		// the column holds UTC, whatever the session's time zone
		assertThat(row.get("produced_at_utc")).isEqualTo(UTC_MICROS.format(user.producedAt()));
		assertThat(row.get("ingested_at")).isNotNull();
	}

	private static void send(KafkaTestClients clients, List<UserRecord> users) {
		try (KafkaProducer<String, byte[]> producer = clients.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))));
		}
	}

	private int storedCount(List<UserRecord> users) {
		return TestUsers.storedCount(this.jdbc, users.stream().map(UserRecord::userId).toList());
	}

}
