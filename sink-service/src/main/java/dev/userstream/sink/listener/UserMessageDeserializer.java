package dev.userstream.sink.listener;

import dev.userstream.model.UserRecordJson;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a value as a {@link UserMessage}. Runs inside spring-kafka's {@code ErrorHandlingDeserializer}
 * (see application.yaml), so a value that is not a record reaches the listener as a failure instead of
 * stopping the consumer.
 */
public class UserMessageDeserializer implements Deserializer<UserMessage> {

	@Override
	public UserMessage deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		return new UserMessage(UserRecordJson.read(data), data);
	}

}
