package dev.userstream.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code userstream dlt replay} on an embedded broker, with dead letters made as the sink makes them:
 * spring-kafka's {@link DeadLetterPublishingRecoverer} (original key and value, {@code kafka_dlt-*}
 * headers) plus the sink's {@code userstream-dlt-reason}.
 */
class DltReplayIntegrationTests {

	private final KafkaTestClients kafka = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	private final String topic = "replay-" + UUID.randomUUID().toString().substring(0, 8);

	private final String dlt = this.topic + "-dlt";

	@Test
	void replaysWithTheOriginalKeyOncePerReasonAndNothingOnDryRun() {
		this.kafka.createTopic(this.topic, 2);
		this.kafka.createTopic(this.dlt, 2);
		deadLetter("not_json", "k1", "k2", "k3");
		deadLetter("invalid_field", "k4", "k5");
		deadLetterWithoutValue("invalid_field", "k6");

		CliRun dryRun = replay("--dry-run");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).contains("dry run: nothing sent", "would replay 5;", "1 without their value")
			.containsPattern("invalid_field +2").containsPattern("not_json +3");
		assertThat(this.kafka.recordCount(this.topic)).isZero();

		CliRun notJson = replay("--reason", "not_json");
		assertThat(notJson.exitCode()).as(notJson.toString()).isZero();
		assertThat(notJson.out()).contains("replayed 3;", "passed over: 3 of other reasons");
		List<ConsumerRecord<String, byte[]>> replayed = this.kafka.readAll(this.topic, 3, Duration.ofSeconds(30));
		assertThat(replayed).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("k1", "k2", "k3");
		assertThat(replayed).allSatisfy((record) -> {
			assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("value of " + record.key());
			assertThat(record.headers().lastHeader("traceparent").value()).asString(StandardCharsets.UTF_8)
				.isEqualTo("trace of " + record.key());
			assertThat(record.headers()).noneMatch((header) -> header.key().startsWith("kafka_dlt-")
					|| header.key().startsWith("userstream-dlt-"));
			assertThat(record.headers().lastHeader("userstream-replayed-from")).isNotNull();
		});

		CliRun again = replay("--reason", "not_json");
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("replayed 0;", "nothing new on " + this.dlt);
		assertThat(this.kafka.recordCount(this.topic)).isEqualTo(3);

		CliRun invalid = replay("--reason", "invalid_field");
		assertThat(invalid.out()).contains("replayed 2;", "1 without their value");
		assertThat(this.kafka.recordCount(this.topic)).isEqualTo(5);
		assertThat(replay("--reason", "invalid_field").out()).contains("replayed 0;");
		assertThat(this.kafka.recordCount(this.topic)).isEqualTo(5);
	}

	@Test
	void sinceLeavesOutWhatWasDeadLetteredBeforeAndASecondRunSendsNothing() {
		this.kafka.createTopic(this.topic, 1);
		this.kafka.createTopic(this.dlt, 1);
		deadLetter("not_json", "old1", "old2");
		Instant acknowledged = Instant.now();
		Instant since = acknowledged.plusMillis(1);
		while (!Instant.now().isAfter(since)) {
			Thread.onSpinWait(); // the next dead letters get a later broker-side timestamp than any before
		}
		deadLetter("not_json", "new1");

		CliRun run = replay("--since", since.toString());

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("replayed 1;");
		assertThat(this.kafka.readAll(this.topic, 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::key)
			.containsExactly("new1");
		assertThat(replay("--since", since.toString()).out()).contains("replayed 0;");
		assertThat(replay().out()).as("the group's position is past what --since left out").contains("replayed 0;");
		assertThat(replay("--group", "from-the-start").out()).as("another group starts at the beginning")
			.contains("replayed 3;");
		assertThat(this.kafka.recordCount(this.topic)).isEqualTo(4);
	}

	private CliRun replay(String... options) {
		String[] args = new String[options.length + 5];
		args[0] = "dlt";
		args[1] = "replay";
		args[2] = "--bootstrap-servers";
		args[3] = EmbeddedKafka.bootstrapServers();
		args[4] = "--topic=" + this.topic;
		System.arraycopy(options, 0, args, 5, options.length);
		return CliRun.run(Map.of(), args);
	}

	private void deadLetter(String reason, String... keys) {
		DefaultKafkaProducerFactory<Object, Object> factory = producerFactory();
		try {
			DeadLetterPublishingRecoverer recoverer = recoverer(factory, reason);
			long offset = 0;
			for (String key : keys) {
				RecordHeaders headers = new RecordHeaders();
				headers.add("traceparent", ("trace of " + key).getBytes(StandardCharsets.UTF_8));
				recoverer.accept(new ConsumerRecord<>(this.topic, 0, offset++, 0L, TimestampType.CREATE_TIME, key.length(),
						0, key, ("value of " + key).getBytes(StandardCharsets.UTF_8), headers, java.util.Optional.empty()),
						new IllegalArgumentException(reason));
			}
		}
		finally {
			factory.destroy();
		}
	}

	/** As the sink's DeadLetters sends a record too large for the topic: no value, header value-dropped. */
	private void deadLetterWithoutValue(String reason, String key) {
		DefaultKafkaProducerFactory<Object, Object> factory = producerFactory();
		try {
			RecordHeaders headers = new RecordHeaders();
			headers.add("userstream-dlt-value-dropped", "20000000".getBytes(StandardCharsets.UTF_8));
			recoverer(factory, reason).accept(new ConsumerRecord<>(this.topic, 0, 99, 0L, TimestampType.CREATE_TIME,
					key.length(), 0, key, null, headers, java.util.Optional.empty()), new IllegalArgumentException(reason));
		}
		finally {
			factory.destroy();
		}
	}

	private DeadLetterPublishingRecoverer recoverer(DefaultKafkaProducerFactory<Object, Object> factory, String reason) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(factory),
				(record, ex) -> new TopicPartition(record.topic() + "-dlt", -1));
		recoverer.setHeadersFunction((record, ex) -> new RecordHeaders().add("userstream-dlt-reason",
				reason.getBytes(StandardCharsets.UTF_8)));
		return recoverer;
	}

	private static DefaultKafkaProducerFactory<Object, Object> producerFactory() {
		return new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				EmbeddedKafka.bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

}
