package dev.userstream.producer.source;

import java.util.List;

/**
 * Where users come from: the randomuser.me API or the offline generator, chosen by
 * {@code producer.source}.
 */
public interface UserSource {

	/**
	 * The wire record's {@code source} value.
	 * @return {@code randomuser} or {@code synthetic}
	 */
	String name();

	/**
	 * Fetches up to {@code count} users; an empty list when the source had none this time (the
	 * caller simply waits for its next tick).
	 * @param count how many users to ask for, 1..5000
	 * @return the users, in plaintext
	 * @throws SourceUnavailableException when the source could not be read, retries included
	 */
	List<SourceUser> fetch(int count);

}
