package dev.userstream.sink.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.DatabaseTestConfiguration;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With tracing on, a record's consume span joins the trace its producer started (the W3C
 * {@code traceparent} header the producer's observed KafkaTemplate writes), and a dead letter carries
 * that trace id on to the dead-letter topic.
 */
@SpringBootTest(properties = { "pipeline.topic=tracing-it-users", "spring.kafka.consumer.group-id=tracing-it",
		"management.tracing.export.enabled=true", "management.tracing.sampling.probability=1.0",
		"management.opentelemetry.tracing.export.schedule-delay=100ms" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, DatabaseTestConfiguration.class, SinkTracingIntegrationTests.Spans.class })
class SinkTracingIntegrationTests {

	static final String TOPIC = "tracing-it-users";

	static final String GOOD_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	static final String BAD_TRACE = "0af7651916cd43dd8448eb211c80319c";

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> TestUsers.KEY);
	}

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	InMemorySpanExporter spans;

	@Test
	void consumeSpansJoinTheProducersTraceAndDeadLettersKeepItsId() {
		KafkaTestClients clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		clients.createTopic(TOPIC, 1);
		UserRecord user = TestUsers.user(1);
		try (KafkaProducer<String, byte[]> producer = clients.producer()) {
			producer.send(traced(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user)), GOOD_TRACE));
			producer.send(traced(new ProducerRecord<>(TOPIC, "bad", "not json".getBytes(StandardCharsets.UTF_8)), BAD_TRACE));
		}

		List<ConsumerRecord<String, byte[]>> deadLetters = clients.readAll(TOPIC + "-dlt", 1, Duration.ofSeconds(60));
		Header traceparent = deadLetters.get(0).headers().lastHeader("traceparent");
		assertThat(traceparent).as("the dead letter's traceparent header").isNotNull();
		assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).contains(BAD_TRACE);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(consumeSpans())
			.extracting(SpanData::getTraceId)
			.contains(GOOD_TRACE, BAD_TRACE));
	}

	private List<SpanData> consumeSpans() {
		return this.spans.getFinishedSpanItems().stream().filter((span) -> span.getKind() == SpanKind.CONSUMER).toList();
	}

	private static ProducerRecord<String, byte[]> traced(ProducerRecord<String, byte[]> record, String traceId) {
		record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
		return record;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Spans {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
