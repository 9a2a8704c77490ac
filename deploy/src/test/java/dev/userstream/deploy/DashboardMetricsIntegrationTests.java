package dev.userstream.deploy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.userstream.model.FernetKey;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.ServiceProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboard queries and every alert rule reads is in the services' real
 * {@code /actuator/prometheus} output: both packaged jars run against the embedded broker and
 * database, with traffic that makes each meter appear (users over HTTP, a record the sink
 * dead-letters, a fetch that fails).
 */
class DashboardMetricsIntegrationTests {

	static final String TOPIC = "dashboard-users";

	static final String TOKEN = "dashboard-" + java.util.UUID.randomUUID();

	static final PackagedJars JARS = new PackagedJars();

	static final Set<String> EXPOSED = new TreeSet<>();

	@BeforeAll
	static void runBothServicesAndScrapeThem() throws Exception {
		String kafka = EmbeddedKafka.bootstrapServers();
		KafkaTestClients clients = new KafkaTestClients(kafka);
		clients.createTopic(TOPIC, 2);
		String key = FernetKey.generate(new SecureRandom()).encoded();
		int producerPort = ServiceProcess.freePort();
		int producerManagement = ServiceProcess.freePort();
		int sinkManagement = ServiceProcess.freePort();
		// the source is a closed port: its fetches fail (userstream_fetch_errors_total); users come over HTTP
		ServiceProcess producer = start(DeployedServices.PRODUCER, Map.of("PIPELINE_ENCRYPTION_KEYS", key, "PRODUCER_INGEST_TOKENS", TOKEN),
				"--producer.source=randomuser", "--producer.randomuser.base-url=http://127.0.0.1:" + ServiceProcess.freePort(),
				"--producer.randomuser.max-attempts=1", "--producer.pause-interval=1s", "--server.port=" + producerPort,
				"--management.server.port=" + producerManagement, "--spring.kafka.bootstrap-servers=" + kafka, "--pipeline.topic=" + TOPIC);
		DatabaseEndpoint db = EmbeddedDatabase.endpoint();
		ServiceProcess sink = start(DeployedServices.SINK, Map.of("PIPELINE_ENCRYPTION_KEYS", key, "SPRING_DATASOURCE_PASSWORD", db.password()),
				"--spring.profiles.active=jpa", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--server.port=0", "--management.server.port=" + sinkManagement, "--spring.kafka.bootstrap-servers=" + kafka,
				"--pipeline.topic=" + TOPIC, "--spring.kafka.consumer.group-id=dashboard");
		PackagedJars.awaitReady(producer, producerManagement);
		PackagedJars.awaitReady(sink, sinkManagement);

		HttpResponse<String> answer = postUsers(producerPort);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		try (KafkaProducer<String, byte[]> records = clients.producer()) {
			records.send(new ProducerRecord<>(TOPIC, "bad", "not json".getBytes(StandardCharsets.UTF_8))).get();
		}
		String sinkMetrics = "http://127.0.0.1:" + sinkManagement + "/actuator/prometheus";
		// Micrometer binds the consumer's per-partition metrics (the lag) at its next refresh, up to a minute
		// after the partitions are assigned
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			String body = Http.get(sinkMetrics).body();
			return body.contains("userstream_written_total") && body.contains("userstream_dead_lettered_total")
					&& body.contains("kafka_consumer_fetch_manager_records_lag{");
		});
		String producerMetrics = "http://127.0.0.1:" + producerManagement + "/actuator/prometheus";
		await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(producerMetrics).body().contains("userstream_fetch_errors_total"));
		EXPOSED.addAll(metricNames(Http.get(producerMetrics).body()));
		EXPOSED.addAll(metricNames(Http.get(sinkMetrics).body()));
	}

	@AfterAll
	static void stop() {
		JARS.close();
	}

	@Test
	void everyMetricTheDashboardQueriesIsExposed() throws Exception {
		Map<String, Set<String>> missing = new TreeMap<>();
		JsonNode dashboard = new ObjectMapper().readTree(RepositoryFiles.read(RepositoryFiles.DASHBOARD));
		List<JsonNode> panels = new ArrayList<>();
		dashboard.path("panels").forEach(panels::add);
		assertThat(panels).as("panels").hasSizeGreaterThan(8);
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				Set<String> names = PromQl.metricNames(target.path("expr").asString());
				assertThat(names).as(panel.path("title").asString()).isNotEmpty();
				names.stream().filter((name) -> !EXPOSED.contains(name))
					.forEach((name) -> missing.computeIfAbsent(panel.path("title").asString(), (title) -> new TreeSet<>()).add(name));
			}
		}
		assertThat(missing).as("dashboard panel -> metrics no service exposes").isEmpty();
	}

	@Test
	void everyMetricTheAlertRulesReadIsExposed() {
		Map<String, Set<String>> missing = new TreeMap<>();
		for (JsonNode rule : PrometheusRulesTests.rules()) {
			PromQl.metricNames(rule.path("expr").asString()).stream().filter((name) -> !EXPOSED.contains(name))
				.forEach((name) -> missing.computeIfAbsent(rule.path("alert").asString(), (alert) -> new TreeSet<>()).add(name));
		}
		assertThat(missing).as("alert -> metrics no service exposes").isEmpty();
	}

	@Test
	void everyMeterOfTheMetricsTableIsExposed() {
		String operations = RepositoryFiles.read(RepositoryFiles.OPERATIONS);
		String table = operations.substring(operations.indexOf("## Metrics"), operations.indexOf("## Alerts and runbooks"));
		List<String> documented = new ArrayList<>();
		java.util.regex.Matcher name = java.util.regex.Pattern.compile("^\\| `([a-z_]+)`", java.util.regex.Pattern.MULTILINE)
			.matcher(table);
		while (name.find()) {
			documented.add(name.group(1));
		}

		assertThat(documented).as("the table's meters").hasSizeGreaterThan(15)
			.allSatisfy((meter) -> assertThat(EXPOSED).as(meter).containsAnyOf(meter, meter + "_count"));
	}

	/** The series names of a Prometheus text exposition (a histogram's _bucket, _count, _sum, a counter's _total). */
	static Set<String> metricNames(String exposition) {
		Set<String> names = new TreeSet<>();
		exposition.lines().filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.forEach((line) -> names.add(line.split("[{ ]", 2)[0]));
		return names;
	}

	private static ServiceProcess start(DeployedServices service, Map<String, String> env, String... arguments) {
		return JARS.start(service, env, arguments);
	}

	private static HttpResponse<String> postUsers(int port) throws Exception {
		return PackagedJars.postUsers(port, TOKEN, """
				[{"name": "Ada Lovelace", "gender": "female", "country": "United Kingdom", "state": "London", "city": "London",
				  "email": "ada@example.org", "dob": {"date": "1990-04-01"}, "username": "ada", "password": "pw"}]
				""");
	}

}
