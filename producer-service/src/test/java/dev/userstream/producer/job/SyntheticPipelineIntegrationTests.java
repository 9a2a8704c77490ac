package dev.userstream.producer.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.userstream.model.Fernet;
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

/** The synthetic source, end to end on the real broker. */
@SpringBootTest(properties = { "producer.schedule.enabled=false", "producer.source=synthetic", "producer.synthetic.seed=2026",
		"producer.batch-size=250", "pipeline.topic=synthetic-pipeline-users" })
@Import({ KafkaTestConfiguration.class, RecordingUserSource.Configuration.class })
class SyntheticPipelineIntegrationTests {

	static final String ENCRYPTING_KEY = TestKeys.generate();

	@Autowired
	FetchAndPublishJob job;

	@Autowired
	RecordingUserSource source;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@DynamicPropertySource
	static void encryptionKeys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> ENCRYPTING_KEY + "," + TestKeys.generate());
	}

	@Test
	void publishesEveryGeneratedUserKeyedByItsIdWithItsSecretsEncryptedWithTheFirstKey() {
		Instant start = Instant.now();

		this.job.runOnce();
		this.job.runOnce();

		assertThat(this.source.requested()).containsExactly(250, 250);
		assertThat(this.job.summary(Duration.ZERO)).isEqualTo(new JobSummary(500, 500, 0, 0, Duration.ZERO));
		List<ConsumerRecord<String, String>> consumed = TopicReader.readAll(TopicReader.bootstrapServers(this.kafkaAdmin),
				"synthetic-pipeline-users");
		PublishedRecords.assertMatch(consumed, this.source.returned(), Fernet.fromProperty(ENCRYPTING_KEY, "test"),
				"synthetic", start);
		assertThat(consumed).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
	}

}
