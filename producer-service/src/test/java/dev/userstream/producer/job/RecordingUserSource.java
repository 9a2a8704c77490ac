package dev.userstream.producer.job;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.userstream.producer.source.SourceUser;
import dev.userstream.producer.source.UserSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Wraps the application's source and remembers what it returned, so tests compare the topic with it. */
final class RecordingUserSource implements UserSource {

	private final UserSource delegate;

	private final List<SourceUser> returned = new CopyOnWriteArrayList<>();

	private final List<Integer> requested = new CopyOnWriteArrayList<>();

	RecordingUserSource(UserSource delegate) {
		this.delegate = delegate;
	}

	@Override
	public String name() {
		return this.delegate.name();
	}

	@Override
	public List<SourceUser> fetch(int count) {
		this.requested.add(count);
		List<SourceUser> users = this.delegate.fetch(count);
		this.returned.addAll(users);
		return users;
	}

	List<SourceUser> returned() {
		return List.copyOf(this.returned);
	}

	List<Integer> requested() {
		return List.copyOf(this.requested);
	}

	/** Puts a recording source in front of the configured one. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		@Primary
		RecordingUserSource recordingUserSource(@Qualifier("userSource") UserSource userSource) {
			return new RecordingUserSource(userSource);
		}

	}

}
