package dev.userstream.sink.writer.jpa;

import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Newest version wins in the {@code users} table on MySQL/MariaDB ({@link UserVersions}): the writer's
 * lookup and, on its own, the guarded {@code ON DUPLICATE KEY UPDATE}. The same context as
 * {@link JpaUserWriterBatchingIntegrationTests}, so the two share it.
 */
@SpringBootTest(properties = { "pipeline.topic=batching-it-users", "spring.kafka.listener.auto-startup=false" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class, RecordedJdbc.Recording.class })
class JpaUserVersionsIntegrationTests {

	@Autowired
	JpaUserWriter writer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MeterRegistry meters;

	UserVersions versions;

	@BeforeEach
	void versions() {
		this.versions = new UserVersions(this.writer, this.jdbc, this.transaction, this.meters);
	}

	@Test
	void newerVersionReplacesTheRowAndOlderOrSameVersionsLeaveIt() {
		this.versions.newerVersionReplacesTheRowAndOlderOrSameVersionsLeaveIt();
	}

	@Test
	void equalProducedAtTheLaterOffsetWins() {
		this.versions.equalProducedAtTheLaterOffsetWins();
	}

	@Test
	void withoutProducedAtTheLaterOffsetWins() {
		this.versions.withoutProducedAtTheLaterOffsetWins();
	}

	@Test
	void sameRecordTwiceLeavesTheRowUnchanged() {
		this.versions.sameRecordTwiceLeavesTheRowUnchanged();
	}

	@Test
	void newerVersionWinsWithinABatch() {
		this.versions.newerVersionWinsWithinABatch();
	}

	@Test
	void theUpsertItselfNeverReplacesANewerVersion() {
		this.versions.theUpsertItselfNeverReplacesANewerVersion();
	}

}
