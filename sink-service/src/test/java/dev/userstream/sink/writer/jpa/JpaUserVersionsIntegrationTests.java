package dev.userstream.sink.writer.jpa;

import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Newest version wins in the {@code users} table on MySQL/MariaDB ({@link VersionOrderTests}): the writer's
 * lookup and, on its own, the guarded {@code ON DUPLICATE KEY UPDATE}. The same context as
 * {@link JpaUserWriterBatchingIntegrationTests}, so the two share it.
 */
@SpringBootTest(properties = { "pipeline.topic=batching-it-users", "spring.kafka.listener.auto-startup=false" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class, RecordedJdbc.Recording.class })
class JpaUserVersionsIntegrationTests implements VersionOrderTests {

	@Autowired
	JpaUserWriter writer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MeterRegistry meters;

	@Override
	public UserVersions versions() {
		return new UserVersions(this.writer, this.jdbc, this.transaction, this.meters);
	}

}
