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
 */
public record PublishResult(int acknowledged, int failed, List<UserRecord> unacknowledged) {

	public PublishResult {
		unacknowledged = List.copyOf(unacknowledged);
	}

}
