package dev.userstream.deploy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable that docker-compose.yml or the Helm chart sets on a service binds to a real
 * property of that service, as packaged (its own configuration metadata and that of every library in its
 * jar); and the ports and probe paths the deploy files use are the ones the packaged services serve.
 */
class DeployEnvBindingIntegrationTests {

	static final Map<DeployedServices, EnvBinding> BINDINGS = new EnumMap<>(DeployedServices.class);

	@BeforeAll
	static void readPackagedServices() {
		for (DeployedServices service : DeployedServices.values()) {
			BINDINGS.put(service, PackagedService.of(service).envBinding());
		}
	}

	@Test
	void readsTheMetadataOfTheServiceAndOfItsLibraries() {
		BINDINGS.values().forEach((binding) -> assertThat(binding.size()).isGreaterThan(1000));
		assertThat(BINDINGS.get(DeployedServices.PRODUCER).binds("PRODUCER_PAUSEINTERVAL")).isTrue();
		assertThat(BINDINGS.get(DeployedServices.SINK).binds("PRODUCER_PAUSEINTERVAL")).isFalse();
		assertThat(BINDINGS.get(DeployedServices.SINK).binds("SPRING_CLOUD_AWS_S3_ENDPOINT")).isTrue();
		assertThat(BINDINGS.get(DeployedServices.SINK).binds("SINK_S3_BUCKET")).isTrue();
	}

	@Test
	void composeEnvironmentBindsToPropertiesOfTheServiceItIsSetOn() {
		JsonNode compose = ComposeFile.read(ComposeFile.envFile(RepositoryFiles.read(RepositoryFiles.ENV_EXAMPLE)));
		List<String> unbound = new ArrayList<>();

		ComposeFile.appServices(compose).forEach((app, service) -> ComposeFile
			.environment(compose.path("services").path(app))
			.keySet()
			.stream()
			.filter((name) -> !BINDINGS.get(service).binds(name))
			.forEach((name) -> unbound.add(app + ": " + name)));

		assertThat(unbound).as("env vars in docker-compose.yml that bind to no property").isEmpty();
	}

	@ParameterizedTest(name = "profiles {0}, existingSecret {1}")
	@MethodSource("dev.userstream.deploy.HelmChartTests#scenarios")
	void chartEnvironmentBindsToPropertiesOfTheServiceItIsSetOn(String profiles, boolean existingSecret) {
		assertThat(unbound(HelmChart.render(HelmChartTests.values(profiles, existingSecret))))
			.as("env vars in the chart that bind to no property").isEmpty();
	}

	@Test
	void chartEnvironmentWithEveryProductionOptionOnBindsToo() {
		Map<String, Object> values = HelmChartProductionTests.everythingOn();
		// extraEnv is the user's, passed as given (there: JAVA_TOOL_OPTIONS, read by the JVM, not by Spring)
		values.remove("extraEnv");
		HelmChart.Rendered chart = HelmChart.render(values);

		assertThat(chart.plainEnv("sink")).containsKeys("PIPELINE_TOPICS_REPLICAS", "PIPELINE_TOPICS_MININSYNCREPLICAS");
		assertThat(unbound(chart)).as("env vars in the chart that bind to no property").isEmpty();
	}

	private static List<String> unbound(HelmChart.Rendered chart) {
		List<String> unbound = new ArrayList<>();
		for (DeployedServices service : DeployedServices.values()) {
			TreeSet<String> names = new TreeSet<>(chart.plainEnv(service.component()).keySet());
			names.addAll(chart.secretEnv(service.component()).keySet());
			names.stream()
				.filter((name) -> !BINDINGS.get(service).binds(name))
				.forEach((name) -> unbound.add(service.component() + ": " + name));
		}
		return unbound;
	}

	@Test
	void packagedServicesServeTheProbesOnThePortsTheDeployFilesUse() {
		for (DeployedServices service : DeployedServices.values()) {
			JsonNode config = PackagedService.of(service).applicationYaml();
			assertThat(config.at("/server/port").asInt()).as(service + " server.port").isEqualTo(service.httpPort());
			assertThat(config.at("/management/server/port").asInt()).as(service + " management.server.port")
				.isEqualTo(service.managementPort());
			assertThat(config.at("/management/endpoint/health/probes/enabled").asBoolean()).as(service + " probes").isTrue();
			assertThat(config.at("/management/endpoints/web/exposure/include").asString()).contains("health");
			assertThat(config.at("/management/endpoints/web/base-path").isMissingNode())
				.as(service + " keeps the /actuator base path").isTrue();
			assertThat(config.at("/management/server/base-path").isMissingNode()).isTrue();
		}
	}

}
