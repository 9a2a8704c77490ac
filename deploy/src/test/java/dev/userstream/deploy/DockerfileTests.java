package dev.userstream.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dockerfile's contract with compose, the chart and docs/operations.md ("Docker images"). */
class DockerfileTests {

	final String dockerfile = RepositoryFiles.read(RepositoryFiles.DOCKERFILE);

	final List<String> lines = this.dockerfile.lines().map(String::strip).toList();

	@Test
	void baseImagesAndServiceAreBuildArguments() {
		assertThat(this.lines).contains("ARG BUILD_IMAGE=eclipse-temurin:17-jdk", "ARG RUNTIME_IMAGE=eclipse-temurin:17-jre",
				"ARG SERVICE=producer-service");
		assertThat(this.lines.stream().filter((line) -> line.startsWith("FROM ")))
			.containsExactly("FROM ${BUILD_IMAGE} AS build", "FROM ${RUNTIME_IMAGE}");
	}

	@Test
	void buildsWithTheWrapperAndExtractsBootLayers() {
		assertThat(this.dockerfile).contains("./mvnw -B -ntp -pl \"${SERVICE}\" -am package")
			.contains("java -Djarmode=tools -jar \"${SERVICE}/target/${SERVICE}.jar\" extract --layers --launcher")
			.contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
	}

	@Test
	void runsAsNonRootAndChecksReadinessOnEachServicesManagementPort() {
		assertThat(this.lines).contains("USER 10001:10001");
		assertThat(this.dockerfile).contains("/actuator/health/readiness").contains("HEALTHCHECK");
		for (DeployedServices service : DeployedServices.values()) {
			assertThat(this.lines).contains(service.module() + ") echo \"" + service.httpPort() + " " + service.managementPort()
					+ "\" ;; \\");
			assertThat(this.lines.stream().filter((line) -> line.startsWith("EXPOSE ")).findFirst().orElseThrow())
				.contains(" " + service.httpPort()).contains(" " + service.managementPort());
		}
	}

	@Test
	void cachesMavensRepositoryInABuildKitCacheMount() {
		assertThat(this.lines.get(0)).as("BuildKit's Dockerfile syntax, which has RUN --mount").isEqualTo("# syntax=docker/dockerfile:1");
		assertThat(this.lines).contains("RUN --mount=type=cache,target=/root/.m2,id=userstream-m2 \\");
	}

	@Test
	void theLegacyBuildersVariantIsTheSameBuildWithoutTheMount() {
		String command = "sed 's/--mount=[^ ]* //' Dockerfile";
		assertThat(this.dockerfile).as("the documented command").contains("#   " + command + " | DOCKER_BUILDKIT=0 docker build");
		List<String> plain = this.dockerfile.replaceAll("--mount=[^ ]* ", "").lines().map(String::strip)
			.filter((line) -> !line.startsWith("#")).toList();

		assertThat(plain).noneMatch((line) -> line.contains("--mount")).contains("RUN \\");
		assertThat(String.join("\n", plain)).contains("./mvnw -B -ntp -pl \"${SERVICE}\" -am package");
	}

	@Test
	void buildContextLeavesOutBuildOutputAndLocalSecrets() {
		assertThat(RepositoryFiles.read(RepositoryFiles.ROOT.resolve(".dockerignore")).lines())
			.contains("**/target/", ".git", ".env");
	}

}
