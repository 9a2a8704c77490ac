package dev.userstream.sink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.EmbeddedS3;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.ServiceProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged sink ({@code target/sink-service.jar}) as a separate process against the suite's broker,
 * database and S3 server, configured the way a deployment does it: secrets in environment variables,
 * the rest as arguments. Not started until {@link ServiceProcess#start()}.
 */
public final class SinkJar {

	static final Path JAR = Path.of("target", "sink-service.jar");

	private final ServiceProcess process;

	private final int managementPort;

	private SinkJar(ServiceProcess process, int managementPort) {
		this.process = process;
		this.managementPort = managementPort;
	}

	/**
	 * A sink process.
	 * @param profiles {@code jpa}, {@code s3} or {@code jpa,s3}
	 * @param topic the topic to consume
	 * @param group the consumer group
	 * @param database the database (its password goes to the environment)
	 * @param environment more environment variables (they win)
	 * @param arguments more arguments (they win)
	 */
	public static SinkJar create(String profiles, String topic, String group, DatabaseEndpoint database,
			Map<String, String> environment, String... arguments) {
		return create(profiles, topic, group, database, environment, null, arguments);
	}

	/**
	 * A sink process with test hooks on its class path.
	 * @param extraClasses a directory of compiled classes the sink can load by name (see {@link ServiceProcess#jar(Path, Path, Map, List)})
	 * @see #create(String, String, String, DatabaseEndpoint, Map, String...)
	 */
	public static SinkJar create(String profiles, String topic, String group, DatabaseEndpoint database,
			Map<String, String> environment, Path extraClasses, String... arguments) {
		int managementPort = ServiceProcess.freePort();
		List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profiles,
				"--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(), "--pipeline.topic=" + topic,
				"--spring.kafka.consumer.group-id=" + group, "--server.port=0", "--management.server.port=" + managementPort,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.cloud.aws.s3.endpoint=" + EmbeddedS3.server().endpoint(),
				"--spring.cloud.aws.s3.path-style-access-enabled=true", "--spring.cloud.aws.region.static=us-east-1",
				"--sink.s3.create-bucket=true", "--sink.retry.initial-interval=200ms", "--sink.retry.max-interval=2s"));
		for (String argument : arguments) {
			// the same --name=... again replaces the default (Spring would join both values with a comma)
			String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=') + 1) : argument;
			args.removeIf((existing) -> existing.startsWith(name));
			args.add(argument);
		}
		Map<String, String> env = new HashMap<>(Map.of("SPRING_DATASOURCE_PASSWORD", database.password(),
				"PIPELINE_ENCRYPTION_KEYS", TestUsers.KEY, "SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY", "test",
				"SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY", "test"));
		env.putAll(environment);
		return new SinkJar(ServiceProcess.jar(JAR, extraClasses, env, args), managementPort);
	}

	/** A sink process on the suite's database with the default environment. */
	public static SinkJar create(String profiles, String topic, String group, String... arguments) {
		return create(profiles, topic, group, EmbeddedDatabase.endpoint(), Map.of(), arguments);
	}

	/** The process. */
	public ServiceProcess process() {
		return this.process;
	}

	/** The status of one component of readiness (e.g. {@code pipeline}: {@code DOWN}), empty when it is not there. */
	public String readinessOf(String component) {
		return JsonMapper.shared().readTree(actuator("health/readiness").body()).path("components").path(component)
			.path("status").asString("");
	}

	/** GETs an actuator path (e.g. {@code health/readiness}, or empty for the index) on the management port. */
	public Http.Response actuator(String path) {
		return Http.get("http://127.0.0.1:" + this.managementPort + "/actuator" + (path.isEmpty() ? "" : "/" + path));
	}

}
