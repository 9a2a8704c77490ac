package dev.userstream.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compose's profile {@code monitoring}: Prometheus scrapes every app service on its management port
 * and loads the alert rules; Grafana gets the data source and the dashboard; and every app service
 * passes the topics' replication on.
 */
class ComposeMonitoringTests {

	final JsonNode compose = ComposeFile.read(ComposeFile.envFile(RepositoryFiles.read(RepositoryFiles.ENV_EXAMPLE)));

	final JsonNode services = this.compose.path("services");

	@Test
	void prometheusAndGrafanaRunUnderTheMonitoringProfileOnlyOnLocalhostPorts() {
		for (String service : new String[] { "prometheus", "grafana" }) {
			assertThat(strings(this.services.path(service).path("profiles"))).containsExactly("monitoring");
			assertThat(strings(this.services.path(service).path("ports"))).singleElement().asString().startsWith("127.0.0.1:");
		}
		assertThat(strings(this.services.path("prometheus").path("ports"))).containsExactly("127.0.0.1:9090:9090");
		assertThat(strings(this.services.path("grafana").path("ports"))).containsExactly("127.0.0.1:3000:3000");
	}

	@Test
	void prometheusScrapesEveryAppServiceOnItsManagementPortAndLoadsTheRules() {
		JsonNode config = Yaml.read(RepositoryFiles.read(RepositoryFiles.ROOT.resolve("compose/prometheus/prometheus.yml")));
		List<String> targets = new ArrayList<>();
		config.path("scrape_configs").forEach((job) -> {
			assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
			job.path("static_configs").forEach((group) -> targets.addAll(strings(group.path("targets"))));
		});

		ComposeFile.appServices(this.compose)
			.forEach((app, service) -> assertThat(targets).contains(app + ":" + service.managementPort()));
		Map<String, String> mounts = mounts("prometheus");
		assertThat(mounts).containsEntry("/etc/prometheus/prometheus.yml", "./compose/prometheus/prometheus.yml");
		String rules = strings(config.path("rule_files")).get(0);
		assertThat(mounts.get(rules)).isEqualTo("./" + RepositoryFiles.ROOT.relativize(RepositoryFiles.ALERT_RULES));
	}

	@Test
	void grafanaIsProvisionedWithPrometheusAndTheDashboard() {
		Map<String, String> mounts = mounts("grafana");
		JsonNode datasource = Yaml.read(RepositoryFiles.read(RepositoryFiles.ROOT.resolve(
				"compose/grafana/provisioning/datasources/prometheus.yaml"))).at("/datasources/0");
		JsonNode provider = Yaml.read(RepositoryFiles.read(RepositoryFiles.ROOT.resolve(
				"compose/grafana/provisioning/dashboards/userstream.yaml"))).at("/providers/0");

		assertThat(mounts).containsEntry("/etc/grafana/provisioning", "./compose/grafana/provisioning");
		assertThat(datasource.path("url").asString()).isEqualTo("http://prometheus:9090");
		assertThat(datasource.path("isDefault").asBoolean()).isTrue();
		assertThat(mounts.get(provider.at("/options/path").asString()))
			.isEqualTo("./" + RepositoryFiles.ROOT.relativize(RepositoryFiles.DASHBOARD.getParent()));
		assertThat(ComposeFile.environment(this.services.path("grafana")).get("GF_SECURITY_ADMIN_PASSWORD"))
			.as("the password comes from .env").isEqualTo(ComposeFile.envFile(RepositoryFiles.read(RepositoryFiles.ENV_EXAMPLE))
				.get("GRAFANA_ADMIN_PASSWORD"));
	}

	@Test
	void everyAppServicePassesTheTopicsReplicationOnEmptyByDefault() {
		ComposeFile.appServices(this.compose).keySet().forEach((app) -> assertThat(ComposeFile.environment(this.services.path(app)))
			.as(app)
			.containsEntry("PIPELINE_TOPICS_REPLICAS", "")
			.containsEntry("PIPELINE_TOPICS_MININSYNCREPLICAS", ""));
		Map<String, String> env = new java.util.HashMap<>(ComposeFile.envFile(RepositoryFiles.read(RepositoryFiles.ENV_EXAMPLE)));
		env.put("TOPIC_REPLICAS", "3");
		env.put("TOPIC_MIN_INSYNC_REPLICAS", "2");
		assertThat(ComposeFile.environment(ComposeFile.read(env).at("/services/sink-jpa")))
			.containsEntry("PIPELINE_TOPICS_REPLICAS", "3")
			.containsEntry("PIPELINE_TOPICS_MININSYNCREPLICAS", "2");
	}

	/** Container path to host path of a service's bind mounts. */
	private Map<String, String> mounts(String service) {
		Map<String, String> mounts = new java.util.HashMap<>();
		for (String volume : strings(this.services.path(service).path("volumes"))) {
			String[] parts = volume.split(":");
			mounts.put(parts[1], parts[0]);
		}
		return mounts;
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((node) -> strings.add(node.asString()));
		return strings;
	}

}
