package dev.userstream.sink.writer.jpa;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<UserEntity, String> {

	/** The stored versions of these users: one indexed query per batch. */
	@Query("select new dev.userstream.sink.writer.jpa.UserRepository$StoredVersion(u.userId, u.producedAt, u.kafkaOffset)"
			+ " from UserEntity u where u.userId in :userIds")
	List<StoredVersion> findStoredVersions(Collection<String> userIds);

	/**
	 * Which version of a user the table holds.
	 * @param userId the user
	 * @param producedAt its {@code produced_at}, {@code null} when it had none
	 * @param kafkaOffset its offset, {@code null} for rows stored before the table had the column
	 */
	record StoredVersion(String userId, Instant producedAt, Long kafkaOffset) {
	}

}
