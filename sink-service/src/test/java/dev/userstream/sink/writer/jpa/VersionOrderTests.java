package dev.userstream.sink.writer.jpa;

import org.junit.jupiter.api.Test;

/**
 * The version-order tests of the {@code users} table ({@link UserVersions}), run by each database's
 * test class against its own context: {@link JpaUserVersionsIntegrationTests} (MariaDB),
 * {@link PostgresJpaWriterIntegrationTests} (PostgreSQL).
 */
interface VersionOrderTests {

	/** The scenarios on the implementing class's database. */
	UserVersions versions();

	@Test
	default void newerVersionReplacesTheRowAndOlderOrSameVersionsLeaveIt() {
		versions().newerVersionReplacesTheRowAndOlderOrSameVersionsLeaveIt();
	}

	@Test
	default void equalProducedAtTheLaterOffsetWins() {
		versions().equalProducedAtTheLaterOffsetWins();
	}

	@Test
	default void withoutProducedAtTheLaterOffsetWins() {
		versions().withoutProducedAtTheLaterOffsetWins();
	}

	@Test
	default void sameRecordTwiceLeavesTheRowUnchanged() {
		versions().sameRecordTwiceLeavesTheRowUnchanged();
	}

	@Test
	default void newerVersionWinsWithinABatch() {
		versions().newerVersionWinsWithinABatch();
	}

	@Test
	default void theUpsertItselfNeverReplacesANewerVersion() {
		versions().theUpsertItselfNeverReplacesANewerVersion();
	}

}
