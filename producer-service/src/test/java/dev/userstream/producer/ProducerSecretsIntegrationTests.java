package dev.userstream.producer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Secrets and bad configuration, on the packaged producer: run with a known key and ingest token (and
 * users posted with a known password, with the token and with a wrong one), no log line and no
 * actuator endpoint shows them, and only health, info and prometheus are exposed; started with a missing
 * or malformed key, it exits non-zero with a line naming {@code pipeline.encryption.keys}, not the key.
 */
class ProducerSecretsIntegrationTests {

	static final Path JAR = Path.of("target", "producer-service.jar");

	final String key = TestKeys.generate();

	@Test
	void neverShowsTheKeyTheIngestTokensOrIngestedSecretsInLogsOrActuatorEndpoints() throws Exception {
		int managementPort = ServiceProcess.freePort();
		int port = ServiceProcess.freePort();
		String token = UUID.randomUUID() + "-" + UUID.randomUUID();
		String wrongToken = token.substring(0, 60) + "0000";
		String password = "pw-" + UUID.randomUUID();
		ServiceProcess producer = producer(Map.of("PIPELINE_ENCRYPTION_KEYS", this.key, "PRODUCER_INGEST_TOKENS", token),
				managementPort, "--logging.level.root=DEBUG", "--logging.level.org.apache.kafka=INFO", "--server.port=" + port);
		String actuator = "http://127.0.0.1:" + managementPort + "/actuator";
		try {
			producer.start();
			producer.awaitOutput("Started ProducerApplication", Duration.ofSeconds(120));
			await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(actuator + "/health/readiness").status() == 200);
			await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(actuator + "/prometheus").body().contains("userstream_published_total"));

			for (String endpoint : List.of("/env", "/configprops", "/beans", "/heapdump", "/threaddump", "/loggers", "/mappings")) {
				assertThat(Http.get(actuator + endpoint).status()).as("/actuator/" + endpoint).isEqualTo(404);
			}
			for (String endpoint : List.of("", "/health", "/health/readiness", "/health/liveness", "/info", "/prometheus")) {
				Http.Response response = Http.get(actuator + endpoint);
				assertThat(response.status()).as("/actuator/" + endpoint).isEqualTo(200);
				assertThat(response.body()).as("/actuator/" + endpoint).doesNotContain(this.key);
			}
			String users = "[{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\",\"dob\":{\"date\":\"1990-04-01\"},"
					+ "\"username\":\"ada\",\"password\":\"" + password + "\"}]";
			assertThat(post(port, token, users).statusCode()).isEqualTo(202);
			assertThat(post(port, wrongToken, users).statusCode()).isEqualTo(401);
			assertThat(post(port, token, users.replace("ada@example.org", password)).statusCode()).isEqualTo(400);
		}
		finally {
			producer.stop();
		}
		assertThat(producer.output()).contains("DEBUG").doesNotContain(this.key, token, wrongToken, password);
	}

	@Test
	void exitsNonZeroNamingThePropertyWhenTheKeyIsMissing() {
		ServiceProcess producer = producer(Map.of("PIPELINE_ENCRYPTION_KEYS", ""), 0).start();

		assertThat(producer.awaitExit(Duration.ofSeconds(120))).isNotZero();
		assertThat(producer.output()).contains("APPLICATION FAILED TO START").contains("Property: pipeline.encryption.keys");
	}

	@Test
	void exitsNonZeroNamingThePropertyNotTheKeyWhenAKeyIsMalformed() {
		String malformed = this.key + "," + this.key.substring(0, 40) + "!!!!";
		ServiceProcess producer = producer(Map.of("PIPELINE_ENCRYPTION_KEYS", malformed), 0).start();

		assertThat(producer.awaitExit(Duration.ofSeconds(120))).isNotZero();
		assertThat(producer.output()).contains("pipeline.encryption.keys: entry 2 of 2 is not a Fernet key")
			.doesNotContain(this.key.substring(0, 40));
	}

	private static HttpResponse<String> post(int port, String token, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private ServiceProcess producer(Map<String, String> environment, int managementPort, String... arguments) {
		List<String> args = new java.util.ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
				"--producer.source=synthetic", "--producer.batch-size=10", "--producer.pause-interval=200ms",
				"--pipeline.topic=secrets-users", "--server.port=0", "--management.server.port=" + managementPort));
		args.addAll(List.of(arguments));
		if (args.stream().filter((arg) -> arg.startsWith("--server.port=")).count() > 1) {
			args.remove("--server.port=0");
		}
		return ServiceProcess.jar(JAR, environment, args);
	}

}
