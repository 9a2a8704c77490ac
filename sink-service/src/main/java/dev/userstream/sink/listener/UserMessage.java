package dev.userstream.sink.listener;

import dev.userstream.model.UserRecord;

/**
 * A consumed value: the parsed record and the bytes it came as, so a rejected record goes to the
 * dead-letter topic exactly as it arrived.
 *
 * @param record the parsed record
 * @param payload the value's bytes
 */
record UserMessage(UserRecord record, byte[] payload) {

	@Override
	public String toString() {
		return "UserMessage[" + this.record + "]";
	}

}
