package dev.userstream.producer.ingest;

import java.net.http.HttpResponse;

import dev.userstream.producer.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no broker listening on the bootstrap address, {@code POST /api/users} answers 503 with
 * Retry-After, within the producer's short timeouts, instead of 202 or a hung request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "producer.schedule.enabled=false",
		"producer.source=synthetic", "spring.kafka.bootstrap-servers=127.0.0.1:9",
		"spring.kafka.admin.auto-create=false", "spring.kafka.admin.properties.default.api.timeout.ms=3000",
		"spring.kafka.admin.properties.request.timeout.ms=2000", "spring.kafka.producer.properties.max.block.ms=2000",
		"producer.ingest.ack-timeout=5s", "producer.ingest.retry-after=7s" })
class UserIngestBrokerDownIntegrationTests {

	static final String TOKEN = IngestTokens.generate();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void secrets(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", TestKeys::generate);
		registry.add("producer.ingest.tokens", () -> TOKEN);
	}

	@Test
	void answers503WithRetryAfterWhenTheBrokerIsUnreachable() {
		String body = "[{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\",\"dob\":{\"date\":\"1990-04-01\"},"
				+ "\"username\":\"ada\",\"password\":\"secret password\"}]";

		HttpResponse<String> response = IngestHttp.post("http://127.0.0.1:" + this.port + "/api/users", TOKEN,
				"application/json", body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("detail").asString()).contains("0 of 1").contains("Send the same request again");
	}

}
