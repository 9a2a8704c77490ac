package dev.userstream.producer.ingest;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.userstream.model.Fernet;
import dev.userstream.producer.TestKeys;
import dev.userstream.producer.TopicReader;
import dev.userstream.producer.WireSchema;
import dev.userstream.testsupport.KafkaTestConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/users} on the real broker: every answer the endpoint gives but 503 (see
 * {@link UserIngestBrokerDownIntegrationTests}) and 404 (ProducerApplicationIntegrationTests), in one
 * context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "producer.schedule.enabled=false",
		"producer.source=synthetic", "pipeline.topic=" + UserIngestIntegrationTests.TOPIC,
		"producer.ingest.max-request-size=16KB" })
@Import(KafkaTestConfiguration.class)
class UserIngestIntegrationTests {

	static final String TOPIC = "ingest-users";

	static final String KEY = TestKeys.generate();

	static final String TOKEN = IngestTokens.generate();

	static final String OTHER_TOKEN = IngestTokens.generate();

	static final String JSON = "application/json";

	@LocalServerPort
	int port;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meterRegistry;

	@DynamicPropertySource
	static void secrets(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", () -> KEY);
		registry.add("producer.ingest.tokens", () -> TOKEN + " , " + OTHER_TOKEN);
	}

	@Test
	void publishesEveryUserEncryptedAndKeyedByItsIdThenAnswers202WithTheIds() {
		String body = this.json.writeValueAsString(List.of(user("2A9CB0F5-CBE0-4AAB-9561-C2D3C934AA88", "ada@example.org"),
				user(null, "bob@example.org")));

		HttpResponse<String> response = IngestHttp.post(url(), TOKEN, JSON, body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		List<String> ids = userIds(response);
		assertThat(ids).hasSize(2).first().isEqualTo("2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88");
		Fernet fernet = Fernet.fromProperty(KEY, "test");
		Map<String, JsonNode> published = published();
		JsonNode ada = published.get(ids.get(0));
		assertThat(ada.get("user_id").asString()).isEqualTo(ids.get(0));
		assertThat(ada.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(ada.get("source").asString()).isEqualTo("http");
		assertThat(ada.get("schema_version").asInt()).isEqualTo(1);
		assertThat(ada.get("dob").get("date").asString()).isEqualTo("1990-04-01T00:00:00.000Z");
		assertThat(ada.get("dob").get("age").asInt()).isGreaterThanOrEqualTo(36);
		assertThat(ada.get("email").asString()).startsWith("gAAAAA");
		assertThat(fernet.decryptToString(ada.get("email").asString())).isEqualTo("ada@example.org");
		assertThat(fernet.decryptToString(ada.get("username").asString())).isEqualTo("user-ada@example.org");
		assertThat(fernet.decryptToString(ada.get("password").asString())).isEqualTo("pw of ada@example.org");
		assertThat(fernet.decryptToString(published.get(ids.get(1)).get("email").asString())).isEqualTo("bob@example.org");
		assertThat(this.meterRegistry.get("userstream.ingested").counter().count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void givesAUserWithoutIdTheSameIdWhenTheRequestIsSentAgain() {
		String body = this.json.writeValueAsString(List.of(user(null, "carol@example.org")));

		List<String> first = userIds(IngestHttp.post(url(), TOKEN, JSON, body));
		List<String> again = userIds(IngestHttp.post(url(), OTHER_TOKEN, JSON, body));
		List<String> other = userIds(IngestHttp.post(url(), TOKEN, JSON,
				this.json.writeValueAsString(List.of(user(null, "dave@example.org")))));

		assertThat(first).hasSize(1).first().matches((id) -> UUID.fromString(id).version() == 8);
		assertThat(again).isEqualTo(first);
		assertThat(other).doesNotContainAnyElementsOf(first);
	}

	@Test
	void answers400WithEveryFailingFieldNeverItsValueAndPublishesNothing() {
		Map<String, Object> bad = user("not-a-uuid", "SECRET-not-an-email");
		bad.put("name", " ");
		bad.put("password", "SECRET-" + "p".repeat(300));
		bad.put("dob", Map.of("date", "2999-01-01", "age", 30));
		Map<String, Object> wrongType = user(null, "erin@example.org");
		wrongType.put("dob", Map.of("date", "1990-04-01", "age", List.of("SECRET")));
		String body = this.json.writeValueAsString(List.of(user("3b9cb0f5-cbe0-4aab-9561-c2d3c934aa88", "eve@example.org"), bad, wrongType));

		HttpResponse<String> response = IngestHttp.post(url(), TOKEN, JSON, body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("SECRET");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("[1].dob.date", "[1].email",
				"[1].name", "[1].password", "[1].user_id", "[2].dob.age");
		assertThat(published()).doesNotContainKey("3b9cb0f5-cbe0-4aab-9561-c2d3c934aa88");
	}

	@Test
	void answers400ForABodyThatIsNotAnArrayOfUsers() {
		for (String body : new String[] { "{\"name\":\"x\"}", "[]", "[1]", "[{\"name\":", "" }) {
			HttpResponse<String> response = IngestHttp.post(url(), TOKEN, JSON, body);

			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(body).hasValue("application/problem+json");
		}
	}

	@Test
	void answers413ForMoreThanAThousandUsers() {
		String body = "[" + String.join(",", Collections.nCopies(1001, "{}")) + "]";

		HttpResponse<String> response = IngestHttp.post(url(), TOKEN, JSON, body);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(this.json.readTree(response.body()).get("detail").asString()).contains("1001 users");
	}

	@Test
	void answers413ForABodyOverTheSizeLimitWithOrWithoutContentLength() {
		Map<String, Object> user = user(null, "frank@example.org");
		user.put("city", "x".repeat(17 * 1024));
		String body = this.json.writeValueAsString(List.of(user));

		HttpResponse<String> sized = IngestHttp.post(url(), TOKEN, JSON, body);
		HttpResponse<String> chunked = IngestHttp.postChunked(url(), TOKEN, JSON, body);

		assertThat(sized.statusCode()).isEqualTo(413);
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(chunked.body()).contains("producer.ingest.max-request-size");
	}

	@Test
	void answers415ForAnotherContentType() {
		String body = this.json.writeValueAsString(List.of(user(null, "gina@example.org")));

		HttpResponse<String> response = IngestHttp.post(url(), TOKEN, "text/plain", body);

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void answers401WithoutAValidBearerToken() {
		String body = this.json.writeValueAsString(List.of(user(null, "hugo@example.org")));

		HttpResponse<String> missing = IngestHttp.post(url(), null, JSON, body);
		HttpResponse<String> wrong = IngestHttp.post(url(), TOKEN.substring(1) + "0", JSON, body);
		HttpResponse<String> prefix = IngestHttp.post(url(), TOKEN.substring(0, 32), JSON, body);

		assertThat(List.of(missing.statusCode(), wrong.statusCode(), prefix.statusCode())).containsOnly(401);
		assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"userstream\"");
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
		assertThat(this.json.readTree(wrong.body()).get("status").asInt()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.meterRegistry.get("userstream.ingest.rejected").tag("status", "401").counter().count())
			.isGreaterThanOrEqualTo(3);
	}

	@Test
	void describesTheEndpointInOpenApi() {
		HttpResponse<String> response = IngestHttp.get("http://127.0.0.1:" + this.port + "/v3/api-docs");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode post = this.json.readTree(response.body()).get("paths").get("/api/users").get("post");
		assertThat(post.get("responses").propertyNames()).contains("202", "400", "401", "413", "415", "503");
		assertThat(post.get("requestBody").get("content").get("application/json").get("schema").get("maxItems").asInt())
			.isEqualTo(1000);
		assertThat(post.get("security").toString()).contains("bearer");
	}

	private String url() {
		return "http://127.0.0.1:" + this.port + "/api/users";
	}

	private List<String> userIds(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return this.json.readTree(response.body()).get("user_ids").valueStream().map(JsonNode::asString).toList();
	}

	/** The records on the topic by key; each record's key is its user_id. */
	/** What the topic holds by key; every record valid under the published schema. */
	private Map<String, JsonNode> published() {
		Map<String, JsonNode> records = new HashMap<>();
		List<ConsumerRecord<String, String>> consumed = TopicReader.readAll(TopicReader.bootstrapServers(this.kafkaAdmin), TOPIC);
		WireSchema.assertProduced(consumed.stream().map(ConsumerRecord::value).toList());
		for (ConsumerRecord<String, String> record : consumed) {
			JsonNode value = this.json.readTree(record.value());
			assertThat(value.get("user_id").asString()).isEqualTo(record.key());
			records.put(record.key(), value);
		}
		return records;
	}

	private static Map<String, Object> user(String userId, String email) {
		Map<String, Object> user = new LinkedHashMap<>();
		if (userId != null) {
			user.put("user_id", userId);
		}
		user.put("name", email.startsWith("ada") ? "Ada Lovelace" : "Some One");
		user.put("gender", "female");
		user.put("country", "United Kingdom");
		user.put("state", "London");
		user.put("city", "London");
		user.put("email", email);
		user.put("dob", Map.of("date", "1990-04-01"));
		user.put("username", "user-" + email);
		user.put("password", "pw of " + email);
		return user;
	}

}
