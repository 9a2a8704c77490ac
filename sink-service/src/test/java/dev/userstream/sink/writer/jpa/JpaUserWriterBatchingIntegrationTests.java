package dev.userstream.sink.writer.jpa;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import dev.userstream.sink.TestUsers;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.KafkaPosition;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the JDBC driver really receives from {@link JpaUserWriter}: the JDBC calls are recorded
 * between Hibernate and the driver (datasource-proxy), so a setting that does not take effect fails
 * here. Also prints the writer's throughput for batches of 500, of new users and of newer versions of
 * stored ones (numbers, not assertions).
 */
@SpringBootTest(properties = { "pipeline.topic=batching-it-users", "spring.kafka.listener.auto-startup=false" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class, RecordedJdbc.Recording.class })
class JpaUserWriterBatchingIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(JpaUserWriterBatchingIntegrationTests.class);

	@Autowired
	RecordedJdbc jdbcCalls;

	@Autowired
	JpaUserWriter writer;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void insertsABatchOf500AsOneJdbcBatchAndSkipsItWhenWrittenAgain() {
		this.jdbcCalls.assertOneJdbcBatchThenNoInsert(this.writer, batchOf(500), this.jdbc);
	}

	@Test
	void printsRowsPerSecondForBatchesOf500() {
		List<UserBatch> batches = IntStream.range(0, 40).mapToObj((i) -> batchOf(500)).toList();
		this.writer.write(batchOf(500)); // warm-up
		double inserts = rowsPerSecond(batches);
		List<UserBatch> newer = batches.stream().map(JpaUserWriterBatchingIntegrationTests::newerVersions).toList();
		double updates = rowsPerSecond(newer);
		logger.info("JpaUserWriter: inserts {} rows/s, updates (the same users, a newer produced_at) {} rows/s:"
				+ " an update takes {}x the time of an insert (batches of 500)", Math.round(inserts), Math.round(updates),
				String.format("%.2f", inserts / updates));
		assertThat(batches.stream().mapToInt(this::stored).sum()).isEqualTo(40 * 500);
		UserBatch last = newer.get(newer.size() - 1);
		assertThat(this.jdbc.queryForObject("SELECT name FROM users WHERE user_id = ?", String.class,
				last.users().get(0).userId())).isEqualTo(last.users().get(0).name());
	}

	private double rowsPerSecond(List<UserBatch> batches) {
		long start = System.nanoTime();
		batches.forEach(this.writer::write);
		double seconds = (System.nanoTime() - start) / 1e9;
		return batches.stream().mapToInt((batch) -> batch.users().size()).sum() / seconds;
	}

	/** The same users, each in a newer version (a later produced_at, another name), at later offsets. */
	static UserBatch newerVersions(UserBatch batch) {
		KafkaPosition position = new KafkaPosition("batching-it-users", 0, 1, Instant.now());
		List<IncomingUser> users = batch.users()
			.stream()
			.map((user) -> IncomingUser.from(UserVersions.changed(user.toRecord(), "Renamed " + user.name(),
					user.producedAt().plusSeconds(1)), null, position))
			.toList();
		return new UserBatch(users, java.util.Map.of(), Instant.now());
	}

	private int stored(UserBatch batch) {
		return TestUsers.storedCount(this.jdbc, batch.users().stream().map(IncomingUser::userId).toList());
	}

	static UserBatch batchOf(int size) {
		KafkaPosition position = new KafkaPosition("batching-it-users", 0, 0, Instant.now());
		List<IncomingUser> users = TestUsers.users(size)
			.stream()
			.map((record) -> IncomingUser.from(record, null, position))
			.toList();
		return new UserBatch(users, java.util.Map.of(), Instant.now());
	}

}
