package dev.userstream.sink.writer.jpa;

import java.util.Collection;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<UserEntity, String> {

	/** Which of these user ids are stored already: one indexed query per batch. */
	@Query("select u.userId from UserEntity u where u.userId in :userIds")
	Set<String> findStoredUserIds(Collection<String> userIds);

}
