package dev.userstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The chart's production options, each rendered off (the default) and on, and every object they make
 * checked: PodDisruptionBudget, HPA or KEDA ScaledObject, NetworkPolicy, Ingress, PrometheusRule,
 * dashboard ConfigMap, extra env and volumes, shutdown timing, the {@code helm test} pod, topic
 * replication; and values.schema.json refusing wrong types and unknown keys.
 */
class HelmChartProductionTests {

	static final String SINK = "us-userstream-sink";

	static final String PRODUCER = "us-userstream-producer";

	/** Every production option on (KEDA aside: it replaces the HPA, see kedaScalesTheSinkOnLag...). */
	static Map<String, Object> everythingOn() {
		Map<String, Object> values = HelmChartTests.values("jpa,s3", true);
		values.put("pipeline.topics.replicas", 3);
		values.put("pipeline.topics.minInsyncReplicas", 2);
		values.put("terminationGracePeriodSeconds", 60);
		values.put("preStopSleepSeconds", 10);
		values.put("extraEnv", List.of(Map.of("name", "JAVA_TOOL_OPTIONS", "value", "-Djavax.net.ssl.trustStore=/etc/kafka-tls/truststore.p12")));
		values.put("extraVolumes", List.of(Map.of("name", "kafka-tls", "secret", Map.of("secretName", "kafka-truststore"))));
		values.put("extraVolumeMounts", List.of(Map.of("name", "kafka-tls", "mountPath", "/etc/kafka-tls", "readOnly", true)));
		values.put("networkPolicy.enabled", true);
		values.put("ingress.enabled", true);
		values.put("ingress.host", "users.example.com");
		values.put("ingress.className", "nginx");
		values.put("sink.autoscaling.enabled", true);
		values.put("metrics.serviceMonitor.enabled", true);
		values.put("metrics.prometheusRule.enabled", true);
		values.put("metrics.prometheusRule.labels", Map.of("release", "kube-prometheus-stack"));
		values.put("metrics.grafanaDashboard.enabled", true);
		return values;
	}

	@Test
	void defaultsRenderTheBaseObjectsAndPodDisruptionBudgetsOnly() {
		HelmChart.Rendered chart = HelmChart.render(HelmChartTests.values("jpa", true));

		assertThat(chart.names()).containsExactlyInAnyOrder("ServiceAccount/us-userstream", "ConfigMap/" + PRODUCER,
				"ConfigMap/" + SINK, "Deployment/" + PRODUCER, "Service/" + PRODUCER, "Deployment/" + SINK, "Service/" + SINK,
				"PodDisruptionBudget/" + PRODUCER, "PodDisruptionBudget/" + SINK);
		for (String component : new String[] { "producer", "sink" }) {
			JsonNode deployment = chart.get("Deployment", "us-userstream-" + component);
			assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
			assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isEqualTo(45);
			assertThat(chart.container(component).at("/lifecycle/preStop/exec/command").toString()).isEqualTo("[\"sleep\",\"5\"]");
			assertThat(chart.plainEnv(component)).doesNotContainKeys("PIPELINE_TOPICS_REPLICAS", "PIPELINE_TOPICS_MININSYNCREPLICAS");
		}
	}

	@Test
	void podDisruptionBudgetsSelectTheirComponentsPodsAndCanBeSwitchedOff() {
		HelmChart.Rendered chart = HelmChart.render(everythingOn());

		for (String component : new String[] { "producer", "sink" }) {
			JsonNode pdb = chart.get("PodDisruptionBudget", "us-userstream-" + component);
			assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
			assertThat(pdb.at("/spec/selector")).isEqualTo(chart.get("Deployment", "us-userstream-" + component).at("/spec/selector"));
		}
		Map<String, Object> off = HelmChartTests.values("jpa", true);
		off.put("podDisruptionBudget.enabled", false);
		assertThat(HelmChart.render(off).ofKind("PodDisruptionBudget")).isEmpty();
		Map<String, Object> minAvailable = HelmChartTests.values("jpa", true);
		minAvailable.put("podDisruptionBudget.minAvailable", 1);
		JsonNode pdb = HelmChart.render(minAvailable).get("PodDisruptionBudget", SINK);
		assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
		assertThat(pdb.at("/spec/maxUnavailable").isMissingNode()).isTrue();
	}

	@Test
	void podsGetExtraEnvVolumesShutdownTimingAndTopicReplication() {
		HelmChart.Rendered chart = HelmChart.render(everythingOn());

		for (String component : new String[] { "producer", "sink" }) {
			JsonNode container = chart.container(component);
			JsonNode pod = chart.get("Deployment", "us-userstream-" + component).at("/spec/template/spec");
			assertThat(container.path("env").toString()).contains("\"name\":\"JAVA_TOOL_OPTIONS\"");
			assertThat(container.path("volumeMounts").toString()).contains("\"mountPath\":\"/etc/kafka-tls\"").contains("\"mountPath\":\"/tmp\"");
			assertThat(pod.path("volumes").toString()).contains("\"secretName\":\"kafka-truststore\"");
			assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(60);
			assertThat(container.at("/lifecycle/preStop/exec/command").toString()).isEqualTo("[\"sleep\",\"10\"]");
			assertThat(chart.plainEnv(component)).containsEntry("PIPELINE_TOPICS_REPLICAS", "3")
				.containsEntry("PIPELINE_TOPICS_MININSYNCREPLICAS", "2");
		}
		Map<String, Object> noPause = HelmChartTests.values("jpa", true);
		noPause.put("preStopSleepSeconds", 0);
		assertThat(HelmChart.render(noPause).container("sink").has("lifecycle")).isFalse();
	}

	@Test
	void hpaScalesTheSinkDeploymentWhichThenLeavesItsReplicasToIt() {
		HelmChart.Rendered chart = HelmChart.render(everythingOn());

		JsonNode hpa = chart.get("HorizontalPodAutoscaler", SINK);
		assertThat(hpa.at("/spec/scaleTargetRef/name").asString()).isEqualTo(SINK);
		assertThat(hpa.at("/spec/scaleTargetRef/kind").asString()).isEqualTo("Deployment");
		assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(1);
		assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(3);
		assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(75);
		assertThat(chart.get("Deployment", SINK).at("/spec/replicas").isMissingNode()).isTrue();
		assertThat(chart.get("Deployment", PRODUCER).at("/spec/replicas").asInt()).isEqualTo(1);
		assertThat(chart.ofKind("ScaledObject")).isEmpty();
	}

	@Test
	void kedaScalesTheSinkOnLagCappedAtThePartitionCount() {
		Map<String, Object> values = HelmChartTests.values("jpa", true);
		values.put("sink.keda.enabled", true);
		values.put("sink.keda.partitions", 6);
		HelmChart.Rendered chart = HelmChart.render(values);

		JsonNode scaled = chart.get("ScaledObject", SINK);
		assertThat(scaled.at("/spec/scaleTargetRef/name").asString()).isEqualTo(SINK);
		assertThat(scaled.at("/spec/maxReplicaCount").asInt()).isEqualTo(6);
		JsonNode trigger = scaled.at("/spec/triggers/0");
		assertThat(trigger.path("type").asString()).isEqualTo("kafka");
		assertThat(trigger.at("/metadata/consumerGroup").asString()).isEqualTo("userstream-sink");
		assertThat(trigger.at("/metadata/topic").asString()).isEqualTo("users_topic");
		assertThat(trigger.at("/metadata/bootstrapServers").asString()).isEqualTo("kafka-0.kafka:9092");
		assertThat(trigger.at("/metadata/lagThreshold").asString()).isEqualTo("1000");
		assertThat(chart.get("Deployment", SINK).at("/spec/replicas").isMissingNode()).isTrue();
		assertThat(chart.ofKind("HorizontalPodAutoscaler")).isEmpty();

		values.remove("sink.keda.partitions");
		assertThatException().isThrownBy(() -> HelmChart.render(values)).withMessageContaining("sink.keda.partitions");
		values.put("sink.keda.partitions", 6);
		values.put("sink.autoscaling.enabled", true);
		assertThatException().isThrownBy(() -> HelmChart.render(values)).withMessageContaining("enable one");
	}

	@Test
	void networkPolicyOpensTheManagementPortToMonitoringAndTheTestPodOnly(@TempDir Path copy) {
		HelmChart.Rendered chart = renderWithTestHook(copy, everythingOn());

		for (String component : new String[] { "producer", "sink" }) {
			JsonNode policy = chart.get("NetworkPolicy", "us-userstream-" + component);
			assertThat(policy.at("/spec/podSelector/matchLabels"))
				.isEqualTo(chart.get("Deployment", "us-userstream-" + component).at("/spec/selector/matchLabels"));
			JsonNode management = policy.at("/spec/ingress/0");
			assertThat(management.at("/ports/0/port").asString()).isEqualTo("management");
			assertThat(management.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString())
				.isEqualTo("monitoring");
			assertThat(management.at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asString()).isEqualTo("prometheus");
			assertThat(strings(chart.get("Pod", "us-userstream-test-readiness").at("/metadata/labels")))
				.as("the helm test pod may reach it").containsAllEntriesOf(strings(management.at("/from/1/podSelector/matchLabels")))
				.containsEntry("app.kubernetes.io/component", "test");
			assertThat(policy.at("/spec/ingress").size()).as(component + ": the API port is the producer's only")
				.isEqualTo(component.equals("producer") ? 2 : 1);
		}
		assertThat(chart.get("NetworkPolicy", PRODUCER).at("/spec/ingress/1/ports/0/port").asString()).isEqualTo("http");
		assertThat(HelmChart.render(HelmChartTests.values("jpa", true)).ofKind("NetworkPolicy")).isEmpty();
	}

	@Test
	void ingressRoutesOnlyPostApiUsersToTheProducer() {
		JsonNode ingress = HelmChart.render(everythingOn()).get("Ingress", PRODUCER);

		assertThat(ingress.at("/spec/ingressClassName").asString()).isEqualTo("nginx");
		assertThat(ingress.at("/spec/rules/0/host").asString()).isEqualTo("users.example.com");
		assertThat(ingress.at("/spec/rules/0/http/paths").size()).isEqualTo(1);
		JsonNode path = ingress.at("/spec/rules/0/http/paths/0");
		assertThat(path.path("path").asString()).isEqualTo("/api/users");
		assertThat(path.path("pathType").asString()).isEqualTo("Exact");
		assertThat(path.at("/backend/service/name").asString()).isEqualTo(PRODUCER);
		assertThat(path.at("/backend/service/port/name").asString()).isEqualTo("http");
	}

	@Test
	void prometheusRuleAndDashboardAreTheDeployFiles() throws Exception {
		HelmChart.Rendered chart = HelmChart.render(everythingOn());

		JsonNode rule = chart.get("PrometheusRule", "us-userstream");
		assertThat(rule.at("/metadata/labels/release").asString()).isEqualTo("kube-prometheus-stack");
		assertThat(rule.at("/spec/groups")).isEqualTo(Yaml.read(RepositoryFiles.read(RepositoryFiles.ALERT_RULES)).path("groups"));
		JsonNode dashboard = chart.get("ConfigMap", "us-userstream-dashboard");
		assertThat(dashboard.at("/metadata/labels/grafana_dashboard").asString()).isEqualTo("1");
		ObjectMapper json = new ObjectMapper();
		assertThat(json.readTree(dashboard.at("/data/userstream.json").asString()))
			.isEqualTo(json.readTree(RepositoryFiles.read(RepositoryFiles.DASHBOARD)));
	}

	@Test
	void helmTestPodChecksTheReadinessOfBothServices(@TempDir Path copy) {
		JsonNode pod = renderWithTestHook(copy, HelmChartTests.values("jpa", true)).get("Pod", "us-userstream-test-readiness");

		assertThat(pod.at("/metadata/annotations/userstream-test~1hook").asString()).isEqualTo("test");
		String script = pod.at("/spec/containers/0/args/0").asString();
		assertThat(script).contains("http://" + PRODUCER + ":" + DeployedServices.PRODUCER.managementPort() + "/actuator/health/readiness")
			.contains("http://" + SINK + ":" + DeployedServices.SINK.managementPort() + "/actuator/health/readiness");
	}

	@Test
	void notesTellWhatToRunNext() {
		String notes = RepositoryFiles.read(RepositoryFiles.CHART.resolve("templates/NOTES.txt"));

		assertThat(notes).contains("helm test").contains("/actuator/health/readiness").contains("port-forward");
	}

	@Test
	void schemaRefusesAWrongTypeAndAnUnknownKey() {
		Map<String, Object> wrongType = HelmChartTests.values("jpa", true);
		wrongType.put("sink.replicaCount", "two");
		Map<String, Object> unknownKey = HelmChartTests.values("jpa", true);
		unknownKey.put("sink.replicas", 2);
		Map<String, Object> wrongEnum = HelmChartTests.values("jpa", true);
		wrongEnum.put("pipeline.topics.replicas", 0);

		assertThatException().isThrownBy(() -> HelmChart.render(wrongType)).withMessageContaining("replicaCount");
		assertThatException().isThrownBy(() -> HelmChart.render(unknownKey)).withMessageContaining("replicas");
		assertThatException().isThrownBy(() -> HelmChart.render(wrongEnum)).withMessageContaining("topics");
	}

	@Test
	void lintFailsOnAChartWhoseValuesBreakTheSchema(@TempDir Path copy) {
		copyChart(copy);
		appendToValues(copy, "\nunknownTopLevelKey: true\n");

		LintResult result = new Helm(copy).lint().strict().call();

		assertThat(result.isFailed()).isTrue();
		assertThat(String.join("\n", result.getMessages())).contains("unknownTopLevelKey");
	}

	/**
	 * The chart rendered with its {@code helm test} pod: helm-java's template leaves hooks out, so a copy
	 * of the chart renames the hook annotation (the rest of the pod renders as Helm renders it).
	 */
	private static HelmChart.Rendered renderWithTestHook(Path copy, Map<String, Object> values) {
		copyChart(copy);
		Path test = copy.resolve("templates/tests/test-readiness.yaml");
		try {
			String template = Files.readString(test);
			assertThat(template).contains("helm.sh/hook: test");
			Files.writeString(test, template.replace("helm.sh/hook: test", "userstream-test/hook: test"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return HelmChart.render(copy, values);
	}

	private static void copyChart(Path target) {
		try (Stream<Path> files = Files.walk(RepositoryFiles.CHART)) {
			for (Path file : files.toList()) {
				Path to = target.resolve(RepositoryFiles.CHART.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(file, to);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void appendToValues(Path chart, String yaml) {
		try {
			Files.writeString(chart.resolve("values.yaml"), yaml, java.nio.file.StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> strings(JsonNode object) {
		Map<String, String> map = new TreeMap<>();
		object.properties().forEach((entry) -> map.put(entry.getKey(), entry.getValue().asString()));
		return map;
	}

}
