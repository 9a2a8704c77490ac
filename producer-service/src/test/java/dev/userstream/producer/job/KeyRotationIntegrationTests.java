package dev.userstream.producer.job;

import java.util.List;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetException;
import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.producer.TestKeys;
import dev.userstream.producer.TopicReader;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Key rotation, producer side: configured with {@code new,old}, the producer encrypts with the new key
 * only. Every token decrypts with the new key alone and with neither the old key alone. (The sink side,
 * old records still accepted, is the sink's {@code KeyRotationIntegrationTests}.)
 */
@SpringBootTest(properties = { "producer.schedule.enabled=false", "producer.source=synthetic", "producer.batch-size=50",
		"pipeline.topic=key-rotation-users" })
@Import(KafkaTestConfiguration.class)
class KeyRotationIntegrationTests {

	static final String NEW_KEY = TestKeys.generate();

	static final String OLD_KEY = TestKeys.generate();

	@Autowired
	FetchAndPublishJob job;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@DynamicPropertySource
	static void rotatedKeys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> NEW_KEY + "," + OLD_KEY);
	}

	@Test
	void encryptsWithTheNewKeyOnlyOnceItIsListedFirst() {
		this.job.runOnce();

		List<ConsumerRecord<String, String>> consumed = TopicReader.readAll(TopicReader.bootstrapServers(this.kafkaAdmin),
				"key-rotation-users");
		assertThat(consumed).hasSize(50);
		Fernet newKey = Fernet.fromProperty(NEW_KEY, "new");
		Fernet oldKey = Fernet.fromProperty(OLD_KEY, "old");
		for (ConsumerRecord<String, String> consumedRecord : consumed) {
			UserRecord record = UserRecordJson.read(consumedRecord.value());
			for (String token : List.of(record.email(), record.username(), record.password())) {
				assertThat(newKey.decryptToString(token)).isNotBlank();
				assertThatExceptionOfType(FernetException.class).isThrownBy(() -> oldKey.decrypt(token));
			}
		}
	}

}
