package dev.userstream.deploy;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.userstream.model.FernetKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * helm/userstream: lint (strict) and the rendered objects for each sink profile, with the chart's own
 * Secret and with an existing one.
 */
class HelmChartTests {

	static final String FERNET_KEYS = FernetKey.generate(new SecureRandom()).encoded() + ","
			+ FernetKey.generate(new SecureRandom()).encoded();

	static final String DB_PASSWORD = "db-" + java.util.UUID.randomUUID();

	static final String AWS_SECRET = "aws-" + java.util.UUID.randomUUID();

	static final String INGEST_TOKEN = "ingest-" + java.util.UUID.randomUUID();

	static Stream<Arguments> scenarios() {
		return Stream.of("jpa", "s3", "jpa,s3")
			.flatMap((profiles) -> Stream.of(Arguments.of(profiles, false), Arguments.of(profiles, true)));
	}

	/** Values for a sink profile list; with {@code existingSecret} or with secret values for the chart's Secret. */
	static Map<String, Object> values(String profiles, boolean existingSecret) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("sink.profiles", List.of(profiles.split(",")));
		values.put("kafka.bootstrapServers", "kafka-0.kafka:9092");
		values.put("sink.s3.endpoint", "http://minio:9000");
		if (existingSecret) {
			values.put("secret.existingSecret", "userstream-secrets");
		}
		else {
			values.put("secret.values.encryptionKeys", FERNET_KEYS);
			values.put("secret.values.dbPassword", DB_PASSWORD);
			values.put("secret.values.awsAccessKeyId", "AKIATEST");
			values.put("secret.values.awsSecretAccessKey", AWS_SECRET);
			values.put("secret.values.ingestTokens", INGEST_TOKEN);
		}
		return values;
	}

	@Test
	void lintsStrictly() {
		LintResult result = HelmChart.lintStrict();

		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
	}

	@ParameterizedTest(name = "profiles {0}, existingSecret {1}")
	@MethodSource("scenarios")
	void probesHitTheActuatorHealthGroupsOnTheManagementPort(String profiles, boolean existingSecret) {
		HelmChart.Rendered chart = HelmChart.render(values(profiles, existingSecret));

		for (String component : new String[] { "producer", "sink" }) {
			JsonNode container = chart.container(component);
			assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
			for (String probe : new String[] { "startupProbe", "livenessProbe", "readinessProbe" }) {
				assertThat(container.at("/" + probe + "/httpGet/port").asString()).isEqualTo("management");
			}
			assertThat(containerPort(container, "management")).isEqualTo(DeployedServices.of(component).managementPort());
			assertThat(containerPort(container, "http")).isEqualTo(DeployedServices.of(component).httpPort());
		}
	}

	@ParameterizedTest(name = "profiles {0}, existingSecret {1}")
	@MethodSource("scenarios")
	void secretsReachThePodsOnlyThroughSecretKeyRefs(String profiles, boolean existingSecret) {
		HelmChart.Rendered chart = HelmChart.render(values(profiles, existingSecret));
		String secretName = existingSecret ? "userstream-secrets" : "us-userstream";

		assertThat(chart.secretEnv("producer")).containsOnlyKeys("PIPELINE_ENCRYPTION_KEYS", "PRODUCER_INGEST_TOKENS");
		Map<String, JsonNode> sinkSecrets = chart.secretEnv("sink");
		assertThat(sinkSecrets).containsKey("PIPELINE_ENCRYPTION_KEYS");
		assertThat(sinkSecrets.containsKey("SPRING_DATASOURCE_PASSWORD")).isEqualTo(profiles.contains("jpa"));
		assertThat(sinkSecrets.containsKey("SPRING_CLOUD_AWS_CREDENTIALS_SECRETKEY")).isEqualTo(profiles.contains("s3"));
		Stream.of(chart.secretEnv("producer"), sinkSecrets).flatMap((env) -> env.values().stream())
			.forEach((ref) -> assertThat(ref.path("name").asString()).isEqualTo(secretName));
		for (String component : new String[] { "producer", "sink" }) {
			assertThat(chart.plainEnv(component)).doesNotContainKeys("PIPELINE_ENCRYPTION_KEYS", "PRODUCER_INGEST_TOKENS", "SPRING_DATASOURCE_PASSWORD",
					"SPRING_CLOUD_AWS_CREDENTIALS_ACCESSKEY", "SPRING_CLOUD_AWS_CREDENTIALS_SECRETKEY");
		}
		assertThat(chart.find("Secret", "us-userstream").isPresent()).isEqualTo(!existingSecret);
		String outsideSecrets = chart.objects().stream().filter((object) -> !"Secret".equals(object.path("kind").asString()))
			.map(JsonNode::toString).reduce("", String::concat);
		assertThat(outsideSecrets).doesNotContain(FERNET_KEYS.split(",")[0], DB_PASSWORD, AWS_SECRET, INGEST_TOKEN);
	}

	@ParameterizedTest(name = "profiles {0}")
	@ValueSource(strings = { "jpa", "s3", "jpa,s3" })
	void chartSecretHoldsEveryKeyThePodsReference(String profiles) {
		HelmChart.Rendered chart = HelmChart.render(values(profiles, false));
		JsonNode data = chart.get("Secret", "us-userstream").path("data");

		Stream.of(chart.secretEnv("producer"), chart.secretEnv("sink")).flatMap((env) -> env.values().stream())
			.filter((ref) -> !ref.path("optional").asBoolean(false))
			.forEach((ref) -> assertThat(data.has(ref.path("key").asString())).as(ref.toString()).isTrue());
		assertThat(new String(java.util.Base64.getDecoder().decode(data.path("pipeline-encryption-keys").asString())))
			.isEqualTo(FERNET_KEYS);
	}

	@ParameterizedTest(name = "profiles {0}, existingSecret {1}")
	@MethodSource("scenarios")
	void selectorsMatchThePodLabelsOfTheirOwnComponentOnly(String profiles, boolean existingSecret) {
		HelmChart.Rendered chart = HelmChart.render(values(profiles, existingSecret));

		for (String component : new String[] { "producer", "sink" }) {
			JsonNode deployment = chart.get("Deployment", "us-userstream-" + component);
			Map<String, String> podLabels = strings(deployment.at("/spec/template/metadata/labels"));
			Map<String, String> selector = strings(deployment.at("/spec/selector/matchLabels"));
			assertThat(podLabels).containsAllEntriesOf(selector).containsEntry("app.kubernetes.io/component", component);
			assertThat(selector).containsEntry("app.kubernetes.io/component", component);
			assertThat(strings(chart.get("Service", "us-userstream-" + component).path("spec").path("selector")))
				.isEqualTo(selector);
			assertThat(deployment.at("/spec/template/metadata/annotations/checksum~1config").asString()).hasSize(64);
		}
	}

	@ParameterizedTest(name = "profiles {0}")
	@MethodSource("scenarios")
	void sinkGetsItsProfilesAndOnlyTheSettingsOfItsStores(String profiles, boolean existingSecret) {
		Map<String, String> env = HelmChart.render(values(profiles, existingSecret)).plainEnv("sink");

		assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", profiles)
			.containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "kafka-0.kafka:9092");
		assertThat(env.containsKey("SPRING_DATASOURCE_URL")).isEqualTo(profiles.contains("jpa"));
		assertThat(env.containsKey("SINK_S3_BUCKET")).isEqualTo(profiles.contains("s3"));
	}

	@Test
	void givesTheProducerItsIngestTokensFromTheSecretOnlyWhenSet() {
		Map<String, Object> withTokens = values("jpa", false);
		Map<String, Object> withoutTokens = values("jpa", false);
		withoutTokens.remove("secret.values.ingestTokens");

		HelmChart.Rendered chart = HelmChart.render(withTokens);
		JsonNode ref = chart.secretEnv("producer").get("PRODUCER_INGEST_TOKENS");

		assertThat(ref.path("key").asString()).isEqualTo("producer-ingest-tokens");
		assertThat(ref.path("optional").asBoolean(false)).as("the producer starts without, the endpoint is off").isTrue();
		assertThat(new String(java.util.Base64.getDecoder()
			.decode(chart.get("Secret", "us-userstream").path("data").path("producer-ingest-tokens").asString())))
			.isEqualTo(INGEST_TOKEN);
		assertThat(HelmChart.render(withoutTokens).get("Secret", "us-userstream").path("data").has("producer-ingest-tokens"))
			.isFalse();
		assertThat(chart.secretEnv("sink")).doesNotContainKey("PRODUCER_INGEST_TOKENS");
		assertThat(chart.plainEnv("producer")).containsEntry("PRODUCER_INGEST_MAXREQUESTSIZE", "1MB")
			.containsEntry("PRODUCER_INGEST_ACKTIMEOUT", "30s");
	}

	@Test
	void takesSinkProfilesAsACommaSeparatedStringToo() {
		Map<String, Object> values = values("jpa", false);
		values.put("sink.profiles", "jpa,s3");

		HelmChart.Rendered chart = HelmChart.render(values);

		assertThat(chart.plainEnv("sink")).containsEntry("SPRING_PROFILES_ACTIVE", "jpa,s3");
		assertThat(chart.get("Secret", "us-userstream").path("data").has("db-password")).isTrue();
	}

	@Test
	void configChangeChangesThePodTemplateChecksum() {
		Map<String, Object> values = values("jpa", true);
		String before = sinkChecksum(values);
		values.put("sink.jpa.url", "jdbc:mysql://other:3306/userstream");

		assertThat(sinkChecksum(values)).isNotEqualTo(before);
	}

	@Test
	void refusesUnknownOrMissingSinkProfilesAndAMissingKey() {
		Map<String, Object> unknown = values("jpa", true);
		unknown.put("sink.profiles", List.of("jdbc"));
		Map<String, Object> none = values("jpa", true);
		none.put("sink.profiles", List.of());
		Map<String, Object> noKey = values("jpa", false);
		noKey.remove("secret.values.encryptionKeys");

		assertThatException().isThrownBy(() -> HelmChart.render(unknown)).withMessageContaining("unknown profile \"jdbc\"");
		assertThatException().isThrownBy(() -> HelmChart.render(none)).withMessageContaining("sink.profiles");
		assertThatException().isThrownBy(() -> HelmChart.render(noKey)).withMessageContaining("secret.values.encryptionKeys");
	}

	@Test
	void kafkaSaslLoginComesFromTheSecretAndTheProtocolFromValues() {
		String saslPassword = "sasl-" + java.util.UUID.randomUUID();
		Map<String, Object> values = values("jpa", false);
		values.put("kafka.securityProtocol", "SASL_SSL");
		values.put("kafka.sasl.enabled", true);
		values.put("secret.values.kafkaSaslUsername", "userstream");
		values.put("secret.values.kafkaSaslPassword", saslPassword);
		HelmChart.Rendered chart = HelmChart.render(values);

		for (String component : new String[] { "producer", "sink" }) {
			assertThat(chart.secretEnv(component)).containsKeys("PIPELINE_KAFKA_SASL_USERNAME", "PIPELINE_KAFKA_SASL_PASSWORD");
			assertThat(chart.plainEnv(component)).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
				.containsEntry("PIPELINE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
				.doesNotContainKeys("PIPELINE_KAFKA_SASL_USERNAME", "PIPELINE_KAFKA_SASL_PASSWORD");
		}
		JsonNode data = chart.get("Secret", "us-userstream").path("data");
		assertThat(new String(java.util.Base64.getDecoder().decode(data.path("kafka-sasl-password").asString())))
			.isEqualTo(saslPassword);
		assertThat(chart.objects().stream().filter((object) -> !"Secret".equals(object.path("kind").asString()))
			.map(JsonNode::toString)).noneMatch((object) -> object.contains(saslPassword));
	}

	@Test
	void withoutSaslKafkaIsPlaintextAndNeedsNoLogin() {
		HelmChart.Rendered chart = HelmChart.render(values("s3", false));

		assertThat(chart.plainEnv("sink")).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
			.doesNotContainKey("PIPELINE_KAFKA_SASL_MECHANISM");
		assertThat(chart.get("Secret", "us-userstream").path("data").has("kafka-sasl-password")).isFalse();
	}

	@Test
	void refusesSaslWithoutASaslProtocolOrWithoutItsPassword() {
		Map<String, Object> plaintext = values("jpa", true);
		plaintext.put("kafka.sasl.enabled", true);
		Map<String, Object> noPassword = values("jpa", false);
		noPassword.putAll(Map.of("kafka.securityProtocol", "SASL_SSL", "kafka.sasl.enabled", true,
				"secret.values.kafkaSaslUsername", "userstream"));

		assertThatException().isThrownBy(() -> HelmChart.render(plaintext))
			.withMessageContaining("kafka.sasl.enabled needs kafka.securityProtocol SASL_SSL");
		assertThatException().isThrownBy(() -> HelmChart.render(noPassword)).withMessageContaining("secret.values.kafkaSaslPassword");
	}

	@Test
	void serviceMonitorScrapesPrometheusOnTheManagementPortOfBothServices() {
		Map<String, Object> values = values("jpa", true);
		assertThat(HelmChart.render(values).ofKind("ServiceMonitor")).isEmpty();
		values.put("metrics.serviceMonitor.enabled", true);

		JsonNode monitor = HelmChart.render(values).get("ServiceMonitor", "us-userstream");

		assertThat(monitor.at("/spec/endpoints/0/port").asString()).isEqualTo("management");
		assertThat(monitor.at("/spec/endpoints/0/path").asString()).isEqualTo("/actuator/prometheus");
		assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1instance").asString()).isEqualTo("us");
	}

	private static String sinkChecksum(Map<String, Object> values) {
		return HelmChart.render(values).get("Deployment", "us-userstream-sink")
			.at("/spec/template/metadata/annotations/checksum~1config").asString();
	}

	private static int containerPort(JsonNode container, String name) {
		for (JsonNode port : container.path("ports")) {
			if (name.equals(port.path("name").asString())) {
				return port.path("containerPort").asInt();
			}
		}
		throw new AssertionError("no port " + name + " in " + container.path("ports"));
	}

	private static Map<String, String> strings(JsonNode object) {
		Map<String, String> map = new java.util.TreeMap<>();
		object.properties().forEach((entry) -> map.put(entry.getKey(), entry.getValue().asString()));
		return map;
	}

}
