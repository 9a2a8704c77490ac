package dev.userstream.producer.ingest;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.userstream.producer.TestKeys;
import dev.userstream.producer.TopicReader;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM on the packaged producer while HTTP clients send users and the schedule publishes: every
 * user that was answered 202 is on the topic (a 202 is sent only after the broker's acknowledgement,
 * and Tomcat's graceful shutdown lets the requests in flight finish before the producer closes), the
 * process exits within the grace period, and the requests it refused were refused, not acknowledged.
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
class IngestSigtermIntegrationTests {

	static final Path JAR = Path.of("target", "producer-service.jar");

	static final String TOPIC = "ingest-sigterm-users";

	static final int CLIENTS = 4;

	static final int PER_REQUEST = 50;

	static final Duration GRACE = Duration.ofSeconds(45);

	@Test
	void loosesNoUserItAcknowledgedWhenStoppedMidRequest() throws Exception {
		new KafkaTestClients(EmbeddedKafka.bootstrapServers()).createTopic(TOPIC, 3);
		String token = IngestTokens.generate();
		int port = ServiceProcess.freePort();
		ServiceProcess producer = ServiceProcess.jar(JAR,
				Map.of("PIPELINE_ENCRYPTION_KEYS", TestKeys.generate(), "PRODUCER_INGEST_TOKENS", token),
				List.of("--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(), "--pipeline.topic=" + TOPIC,
						"--producer.source=synthetic", "--producer.batch-size=100", "--producer.pause-interval=50ms",
						"--server.port=" + port, "--management.server.port=0"));
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger refused = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try (ServiceProcess running = producer.start()) {
			running.awaitOutput("Started ProducerApplication", Duration.ofSeconds(120));
			String url = "http://127.0.0.1:" + port + "/api/users";
			List<Future<?>> loops = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				loops.add(clients.submit(() -> postUntilRefused(url, token, acknowledged, refused)));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 2_000);

			long stopping = System.nanoTime();
			running.stop(); // SIGTERM with requests in flight
			assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("exit after SIGTERM").isLessThan(GRACE);
			for (Future<?> loop : loops) {
				loop.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			clients.shutdownNow();
		}
		Set<String> onTopic = TopicReader.readAll(EmbeddedKafka.bootstrapServers(), TOPIC).stream()
			.map(ConsumerRecord::key).collect(Collectors.toSet());
		assertThat(acknowledged).as("every user answered 202 is on the topic").isNotEmpty().allMatch(onTopic::contains);
	}

	/** POSTs batches of users with their own ids until the producer stops answering. */
	private static void postUntilRefused(String url, String token, Set<String> acknowledged, AtomicInteger refused) {
		while (true) {
			List<String> ids = IntStream.range(0, PER_REQUEST).mapToObj((i) -> UUID.randomUUID().toString()).toList();
			HttpResponse<String> response;
			try {
				response = IngestHttp.post(url, token, "application/json", body(ids));
			}
			catch (RuntimeException ex) { // connection refused or reset: the producer is gone
				return;
			}
			if (response.statusCode() == 202) {
				acknowledged.addAll(ids);
			}
			else {
				refused.incrementAndGet();
			}
		}
	}

	private static String body(List<String> ids) {
		return ids.stream().map((id) -> """
				{"user_id": "%s", "name": "Ada Lovelace", "gender": "female", "country": "United Kingdom",
				 "state": "London", "city": "London", "email": "ada@example.org", "dob": {"date": "1990-04-01"},
				 "username": "ada", "password": "correct horse"}""".formatted(id))
			.collect(Collectors.joining(",", "[", "]"));
	}

}
