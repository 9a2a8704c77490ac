package dev.userstream.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.userstream.model.FernetKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** docker-compose.yml and .env.example: profiles, ports, healthchecks, limits and the original .env names. */
class ComposeFileTests {

	static final List<String> ORIGINAL_ENV_NAMES = List.of("KAFKA_SERVER", "TOPIC_NAME", "KEY", "PAUSE_INTERVAL",
			"STREAMING_DURATION", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "AWS_ACCESS_KEY_ID",
			"AWS_SECRET_ACCESS_KEY", "S3_BUCKET_NAME", "AWS_URL");

	final Map<String, String> envExample = ComposeFile.envFile(RepositoryFiles.read(RepositoryFiles.ENV_EXAMPLE));

	final JsonNode compose = ComposeFile.read(this.envExample);

	final JsonNode services = this.compose.path("services");

	@Test
	void runsKafkaAlwaysAndEachStoreWithItsSinkUnderItsProfile() {
		assertThat(names(this.services)).containsExactlyInAnyOrder("kafka", "mysql", "postgres", "localstack", "producer",
				"sink-jpa", "sink-postgres", "sink-s3", "prometheus", "grafana");
		assertThat(this.services.path("kafka").has("profiles")).isFalse();
		assertThat(this.services.path("producer").has("profiles")).isFalse();
		assertThat(profiles("mysql")).containsExactly("jpa");
		assertThat(profiles("sink-jpa")).containsExactly("jpa");
		assertThat(profiles("localstack")).containsExactly("s3");
		assertThat(profiles("sink-s3")).containsExactly("s3");
		assertThat(profiles("postgres")).containsExactly("postgres");
		assertThat(profiles("sink-postgres")).containsExactly("postgres");
		assertThat(env("sink-jpa")).containsEntry("SPRING_PROFILES_ACTIVE", "jpa");
		assertThat(env("sink-postgres")).containsEntry("SPRING_PROFILES_ACTIVE", "jpa");
		assertThat(env("sink-s3")).containsEntry("SPRING_PROFILES_ACTIVE", "s3");
		assertThat(env("sink-jpa").get("SPRING_KAFKA_CONSUMER_GROUPID"))
			.as("each sink must read every record, so each has its own group")
			.isNotEqualTo(env("sink-s3").get("SPRING_KAFKA_CONSUMER_GROUPID"));
		assertThat(env("sink-postgres").get("SPRING_KAFKA_CONSUMER_GROUPID")).isNotIn(
				env("sink-jpa").get("SPRING_KAFKA_CONSUMER_GROUPID"), env("sink-s3").get("SPRING_KAFKA_CONSUMER_GROUPID"));
	}

	@Test
	void postgresSinkUsesThePostgresContainersDatabaseAndCredentials() {
		Map<String, String> postgres = env("postgres");
		assertThat(env("sink-postgres")).containsEntry("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"))
			.containsEntry("SPRING_DATASOURCE_USERNAME", postgres.get("POSTGRES_USER"))
			.containsEntry("SPRING_DATASOURCE_PASSWORD", postgres.get("POSTGRES_PASSWORD"));
		assertThat(this.services.path("postgres").path("image").asString()).isEqualTo("postgres:17");
	}

	@Test
	void appsAreBuiltFromTheDockerfileAndWaitForHealthyInfrastructure() {
		Map<String, DeployedServices> apps = ComposeFile.appServices(this.compose);
		assertThat(apps).containsEntry("producer", DeployedServices.PRODUCER)
			.containsEntry("sink-jpa", DeployedServices.SINK)
			.containsEntry("sink-s3", DeployedServices.SINK)
			.containsEntry("sink-postgres", DeployedServices.SINK);

		apps.keySet().forEach((app) -> {
			JsonNode dependsOn = this.services.path(app).path("depends_on");
			assertThat(names(dependsOn)).as(app).contains("kafka");
			dependsOn.properties().forEach((dependency) -> {
				assertThat(dependency.getValue().path("condition").asString()).as(app + " -> " + dependency.getKey())
					.isEqualTo("service_healthy");
				assertThat(this.services.path(dependency.getKey()).at("/healthcheck/test").isArray())
					.as(dependency.getKey() + " healthcheck").isTrue();
				assertThat(profiles(dependency.getKey())).as(app + " may depend only on services of its profiles")
					.isSubsetOf(profiles(app));
			});
		});
		assertThat(names(this.services.path("sink-jpa").path("depends_on"))).contains("mysql");
		assertThat(names(this.services.path("sink-s3").path("depends_on"))).contains("localstack");
		assertThat(names(this.services.path("sink-postgres").path("depends_on"))).contains("postgres");
	}

	@Test
	void everyServiceHasAHealthcheckAndAMemoryLimit() {
		this.services.properties().forEach((service) -> {
			assertThat(service.getValue().at("/healthcheck/test").isArray()).as(service.getKey() + " healthcheck").isTrue();
			assertThat(service.getValue().path("mem_limit").asString()).as(service.getKey() + " mem_limit").matches("\\d+[mg]");
		});
	}

	@Test
	void appHealthchecksAskReadinessOnTheManagementPortTheyPublish() {
		Set<String> hostPorts = new HashSet<>();
		ComposeFile.appServices(this.compose).forEach((app, service) -> {
			JsonNode node = this.services.path(app);
			String check = String.join(" ", strings(node.at("/healthcheck/test")));
			assertThat(check).contains("http://127.0.0.1:" + service.managementPort() + "/actuator/health/readiness");
			assertThat(strings(node.path("ports"))).allSatisfy((mapping) -> {
				assertThat(mapping).startsWith("127.0.0.1:");
				assertThat(mapping.substring(mapping.lastIndexOf(':') + 1)).as(mapping)
					.isIn(String.valueOf(service.managementPort()), String.valueOf(service.httpPort()));
				assertThat(hostPorts.add(mapping.split(":")[1])).as("host port of " + mapping + " used once").isTrue();
			});
		});
	}

	@Test
	void kafkaAdvertisesAListenerForContainersAndOneForTheHost() {
		Map<String, String> kafka = env("kafka");

		assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
		assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:19092", "PLAINTEXT_HOST://localhost:9092");
		assertThat(strings(this.services.path("kafka").path("ports"))).containsExactly("127.0.0.1:9092:9092");
		ComposeFile.appServices(this.compose).keySet()
			.forEach((app) -> assertThat(env(app)).containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "kafka:19092"));
	}

	@Test
	void storesKeepTheirDataAndTheBucketIsMadeAtStart() {
		assertThat(strings(this.services.path("mysql").path("volumes"))).contains("mysql-data:/var/lib/mysql");
		assertThat(names(this.compose.path("volumes"))).contains("mysql-data");
		assertThat(strings(this.services.path("postgres").path("volumes"))).contains("postgres-data:/var/lib/postgresql/data");
		assertThat(names(this.compose.path("volumes"))).contains("postgres-data");
		String hook = strings(this.services.path("localstack").path("volumes")).get(0);
		assertThat(hook).endsWith(":/etc/localstack/init/ready.d/init-s3.sh:ro");
		assertThat(RepositoryFiles.read(RepositoryFiles.ROOT.resolve(hook.substring(2, hook.indexOf(':')))))
			.contains("awslocal s3 mb \"s3://${S3_BUCKET_NAME");
		assertThat(env("localstack")).containsEntry("S3_BUCKET_NAME", env("sink-s3").get("SINK_S3_BUCKET"));
	}

	@Test
	void envExampleHasTheOriginalNamesAThrowawayKeyAndNothingComposeIgnores() {
		Map<String, String> variables = ComposeFile.variables(RepositoryFiles.read(RepositoryFiles.COMPOSE));
		String text = RepositoryFiles.read(RepositoryFiles.ENV_EXAMPLE);

		assertThat(this.envExample).containsKeys(ORIGINAL_ENV_NAMES.toArray(String[]::new));
		assertThat(variables).containsKeys(this.envExample.keySet().toArray(String[]::new));
		variables.forEach((name, operator) -> {
			if (operator.endsWith("?")) {
				assertThat(this.envExample).as("required " + name).containsKey(name);
			}
		});
		assertThat(FernetKey.parse(this.envExample.get("KEY")).encoded()).isEqualTo(this.envExample.get("KEY"));
		assertThat(text).contains("THROWAWAY KEY, DO NOT USE");
	}

	@Test
	void oldEnvValuesReachTheServicesUnderOurNames() {
		Map<String, String> old = new java.util.HashMap<>(this.envExample);
		old.putAll(Map.of("KAFKA_SERVER", "broker:29092", "TOPIC_NAME", "old_topic", "PAUSE_INTERVAL", "7",
				"STREAMING_DURATION", "60", "DB_HOST", "db", "DB_NAME", "olddb", "S3_BUCKET_NAME", "old-bucket",
				"AWS_URL", "http://s3.local:4566"));
		JsonNode services = ComposeFile.read(old).path("services");

		assertThat(ComposeFile.environment(services.path("producer"))).containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "broker:29092")
			.containsEntry("PIPELINE_TOPIC", "old_topic")
			.containsEntry("PRODUCER_PAUSEINTERVAL", "7")
			.containsEntry("PRODUCER_STREAMINGDURATION", "60")
			.containsEntry("PIPELINE_ENCRYPTION_KEYS", this.envExample.get("KEY"));
		assertThat(ComposeFile.environment(services.path("sink-jpa"))).containsEntry("SPRING_DATASOURCE_URL",
				"jdbc:mysql://db:3306/olddb");
		assertThat(ComposeFile.environment(services.path("sink-s3"))).containsEntry("SINK_S3_BUCKET", "old-bucket")
			.containsEntry("SPRING_CLOUD_AWS_S3_ENDPOINT", "http://s3.local:4566");
	}

	@Test
	void producerPublishesItsApiPortAndTakesIngestTokensFromTheEnvFileOnly() {
		Map<String, String> withTokens = new java.util.HashMap<>(this.envExample);
		withTokens.put("INGEST_TOKENS", "token-made-for-this-test-0123456789");

		assertThat(strings(this.services.path("producer").path("ports"))).contains("127.0.0.1:8080:8080");
		assertThat(env("producer")).containsEntry("PRODUCER_INGEST_TOKENS", "");
		assertThat(this.envExample).doesNotContainKey("INGEST_TOKENS");
		assertThat(ComposeFile.environment(ComposeFile.read(withTokens).path("services").path("producer")))
			.containsEntry("PRODUCER_INGEST_TOKENS", "token-made-for-this-test-0123456789");
	}

	@Test
	void kafkaSecuritySettingsReachEveryAppAndDefaultToPlaintextWithoutLogin() {
		Map<String, String> secured = new java.util.HashMap<>(this.envExample);
		String password = "sasl-" + java.util.UUID.randomUUID();
		secured.putAll(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "userstream", "KAFKA_SASL_PASSWORD", password));
		JsonNode services = ComposeFile.read(secured).path("services");

		for (String app : List.of("producer", "sink-jpa", "sink-s3")) {
			assertThat(ComposeFile.environment(services.path(app))).as(app)
				.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
				.containsEntry("PIPELINE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
				.containsEntry("PIPELINE_KAFKA_SASL_USERNAME", "userstream")
				.containsEntry("PIPELINE_KAFKA_SASL_PASSWORD", password);
			assertThat(ComposeFile.environment(this.compose.path("services").path(app))).as(app)
				.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
				.containsEntry("PIPELINE_KAFKA_SASL_USERNAME", "")
				.containsEntry("PIPELINE_KAFKA_SASL_PASSWORD", "");
		}
	}

	@Test
	void refusesToStartWithoutAKey() {
		Map<String, String> withoutKey = new java.util.HashMap<>(this.envExample);
		withoutKey.remove("KEY");

		assertThatIllegalStateException().isThrownBy(() -> ComposeFile.read(withoutKey)).withMessageContaining("KEY");
	}

	private List<String> profiles(String service) {
		return strings(this.services.path(service).path("profiles"));
	}

	private Map<String, String> env(String service) {
		return ComposeFile.environment(this.services.path(service));
	}

	private static List<String> names(JsonNode object) {
		return new ArrayList<>(object.propertyNames());
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((element) -> strings.add(element.asString()));
		return strings;
	}

}
