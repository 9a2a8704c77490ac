package dev.userstream.producer.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.userstream.model.Fernet;
import dev.userstream.producer.LocalRandomUserServer;
import dev.userstream.producer.TestKeys;
import dev.userstream.producer.TopicReader;
import dev.userstream.producer.source.SourceUser;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The randomuser source end to end: the fixture served by a real HTTP server, the records read back
 * from the real broker.
 */
@SpringBootTest(properties = { "producer.schedule.enabled=false", "producer.source=randomuser", "producer.batch-size=2",
		"producer.randomuser.initial-backoff=50ms", "pipeline.topic=randomuser-pipeline-users" })
@Import({ KafkaTestConfiguration.class, RecordingUserSource.Configuration.class })
class RandomUserPipelineIntegrationTests {

	static final LocalRandomUserServer RANDOMUSER = LocalRandomUserServer.start();

	static final String KEY = TestKeys.generate();

	@Autowired
	FetchAndPublishJob job;

	@Autowired
	RecordingUserSource source;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> KEY);
		registry.add("producer.randomuser.base-url", RANDOMUSER::url);
	}

	@AfterAll
	static void stopServer() {
		RANDOMUSER.close();
	}

	@Test
	void publishesTheFixturesUsersKeyedByLoginUuidThroughA503AndAnEmptyAnswer() {
		Instant start = Instant.now();
		RANDOMUSER.then(503, Map.of(), "").then(200, Map.of(), "{\"results\":[]}");

		this.job.runOnce();
		this.job.runOnce();

		assertThat(RANDOMUSER.requests()).hasSize(3)
			.allMatch((request) -> request.equals("/api/1.4/?results=2&inc=gender,name,location,email,login,dob"));
		List<SourceUser> returned = this.source.returned();
		assertThat(returned).extracting(SourceUser::userId)
			.containsExactly("2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88", "d5e0828c-a86e-47ac-af8a-cf3418d37969");
		List<ConsumerRecord<String, String>> consumed = TopicReader.readAll(TopicReader.bootstrapServers(this.kafkaAdmin),
				"randomuser-pipeline-users");
		PublishedRecords.assertMatch(consumed, returned, Fernet.fromProperty(KEY, "test"), "randomuser", start);
		assertThat(consumed).anySatisfy((record) -> assertThat(record.value())
			.contains("\"dob\":{\"date\":\"1952-10-10T07:36:45.668Z\",\"age\":72}")
			.contains("\"name\":\"Bently Martin\""));
		assertThat(this.job.summary(Duration.ZERO)).isEqualTo(new JobSummary(2, 2, 0, 0, Duration.ZERO));
	}

}
