package dev.userstream.producer.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.userstream.producer.TestKeys;
import dev.userstream.producer.TopicReader;
import dev.userstream.testsupport.KafkaTestConfiguration;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With tracing on, {@code POST /api/users} starts (or continues) a trace, the publish of each user is a
 * producer span in it, and the record carries the trace on in its W3C {@code traceparent} header: the
 * header the sink's consume spans join (SinkTracingIntegrationTests).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "producer.schedule.enabled=false", "producer.source=synthetic", "pipeline.topic=tracing-users",
				"management.tracing.export.enabled=true", "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=100ms" })
@Import({ KafkaTestConfiguration.class, ProducerTracingIntegrationTests.Spans.class })
class ProducerTracingIntegrationTests {

	static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	static final String TOKEN = "tracing-token-" + java.util.UUID.randomUUID();

	@DynamicPropertySource
	static void secrets(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", TestKeys::generate);
		registry.add("producer.ingest.tokens", () -> TOKEN);
	}

	@LocalServerPort
	int port;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	InMemorySpanExporter spans;

	@Test
	void aRequestsTraceReachesTheRecordsItPublishes() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/users"))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
			.POST(HttpRequest.BodyPublishers.ofString(USER))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

		List<ConsumerRecord<String, String>> records = TopicReader.readAll(TopicReader.bootstrapServers(this.kafkaAdmin),
				"tracing-users");
		assertThat(records).hasSize(1);
		Header traceparent = records.get(0).headers().lastHeader("traceparent");
		assertThat(traceparent).as("the record's traceparent header").isNotNull();
		assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + TRACE + "-");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.spans.getFinishedSpanItems())
			.filteredOn((span) -> span.getTraceId().equals(TRACE))
			.extracting(SpanData::getKind)
			.contains(SpanKind.SERVER, SpanKind.PRODUCER));
	}

	static final String USER = """
			[{"name": "Ada Lovelace", "gender": "female", "country": "United Kingdom", "state": "London", "city": "London",
			  "email": "ada@example.org", "dob": {"date": "1990-04-01"}, "username": "ada", "password": "pw"}]
			""";

	@TestConfiguration(proxyBeanMethods = false)
	static class Spans {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
