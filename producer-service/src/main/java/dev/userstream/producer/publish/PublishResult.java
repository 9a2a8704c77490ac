package dev.userstream.producer.publish;

import java.util.List;

import dev.userstream.model.UserRecord;

/**
 * What became of one {@link UserPublisher#publish} call.
 *
 * @param acknowledged records the broker acknowledged (acks=all)
 * @param failed records sent but not acknowledged (each logged with its key)
 * @param unacknowledged the records to publish again: the failed ones and those held back because the
 * broker could not be reached
 * @param dropped records that can never be sent (too large, not serializable): counted, logged with
 * their key and reason, and not kept
 */
public record PublishResult(int acknowledged, int failed, List<UserRecord> unacknowledged, int dropped) {

	public PublishResult {
		unacknowledged = List.copyOf(unacknowledged);
	}

	/** A result without dropped records. */
	public PublishResult(int acknowledged, int failed, List<UserRecord> unacknowledged) {
		this(acknowledged, failed, unacknowledged, 0);
	}

}
