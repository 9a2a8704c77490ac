package dev.userstream.producer.publish;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a {@link UserRecord} as the contract's UTF-8 JSON, with the mapper that the sink and the CLI
 * share. Public with a public constructor because Kafka instantiates it by class name
 * ({@code spring.kafka.producer.value-serializer}).
 */
public class UserRecordSerializer implements Serializer<UserRecord> {

	@Override
	public byte[] serialize(String topic, UserRecord record) {
		return (record != null) ? UserRecordJson.mapper().writeValueAsBytes(record) : null;
	}

}
