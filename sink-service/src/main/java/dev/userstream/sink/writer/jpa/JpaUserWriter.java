package dev.userstream.sink.writer.jpa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.sink.writer.UserWriter;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes users to the {@code users} table in one transaction per batch: one query finds the users
 * already stored (redelivery), the rest are inserted with JDBC batching. The first write of a user
 * wins; the same user again is a no-op, so redelivery leaves one row.
 */
@Component
@Profile("jpa")
class JpaUserWriter implements UserWriter {

	private final UserRepository repository;

	JpaUserWriter(UserRepository repository) {
		this.repository = repository;
	}

	@Override
	public String name() {
		return "jpa";
	}

	@Override
	@Transactional
	public void write(UserBatch batch) {
		Map<String, IncomingUser> byId = new LinkedHashMap<>();
		for (IncomingUser user : batch.users()) {
			byId.putIfAbsent(user.userId(), user); // the same user twice in a batch: the first one wins
		}
		if (byId.isEmpty()) {
			return;
		}
		Set<String> stored = this.repository.findStoredUserIds(byId.keySet());
		List<UserEntity> fresh = byId.values()
			.stream()
			.filter((user) -> !stored.contains(user.userId()))
			.map((user) -> new UserEntity(user, batch.ingestedAt()))
			.toList();
		this.repository.saveAll(fresh);
	}

}
