package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Values for the dead-letter topic: always the original bytes (a {@link UserMessage}'s payload, or the
 * raw value of a record that could not be deserialized).
 */
class DeadLetterSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object value) {
		if (value == null || value instanceof byte[]) {
			return (byte[]) value;
		}
		if (value instanceof UserMessage message) {
			return message.payload();
		}
		if (value instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new SerializationException("Cannot dead-letter a value of type " + value.getClass().getName());
	}

}
