package dev.userstream.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.userstream.testsupport.DatabaseEndpoint;

/**
 * Starts producer-service and sink-service from their executable jars, configured as a user would
 * (command-line properties, secrets in the environment), on random HTTP ports.
 *
 * @param producerJar producer-service's executable jar
 * @param sinkJar sink-service's executable jar
 * @param bootstrapServers the broker
 * @param database the database of the jpa profile
 * @param s3Endpoint the S3 server of the s3 profile
 * @param jvmOptions options of every service JVM
 * @param encryptionKey the producer's Fernet key
 * @param logDirectory where each process writes its log
 */
record Services(Path producerJar, Path sinkJar, String bootstrapServers, DatabaseEndpoint database, String s3Endpoint,
		List<String> jvmOptions, String encryptionKey, Path logDirectory) {

	MeasuredProcess sinkJpa(String name, String topic, String group) {
		int management = freePort();
		List<String> arguments = common(topic, group, "jpa", management);
		arguments.add("--spring.datasource.url=" + this.database.url());
		arguments.add("--spring.datasource.username=" + this.database.username());
		return MeasuredProcess.start(MeasuredProcess.SINK, name, this.sinkJar, this.jvmOptions, arguments,
				Map.of("SPRING_DATASOURCE_PASSWORD", this.database.password()), this.logDirectory)
			.timeReadiness(readiness(management));
	}

	MeasuredProcess sinkS3(String name, String topic, String group, String bucket, String layout) {
		int management = freePort();
		List<String> arguments = common(topic, group, "s3", management);
		arguments.addAll(List.of("--spring.cloud.aws.s3.endpoint=" + this.s3Endpoint,
				"--spring.cloud.aws.s3.path-style-access-enabled=true", "--sink.s3.bucket=" + bucket,
				"--sink.s3.create-bucket=true", "--sink.s3.layout=" + layout,
				// one consumer: its 16 PutObject requests in flight, the same concurrency as the raw loop it is held
				// against (three consumers would put 48 in flight, and S3Mock then lost a bucket it had just made)
				"--spring.kafka.listener.concurrency=1"));
		return MeasuredProcess.start(MeasuredProcess.SINK, name, this.sinkJar, this.jvmOptions, arguments,
				Map.of("SPRING_CLOUD_AWS_CREDENTIALS_ACCESSKEY", "test", "SPRING_CLOUD_AWS_CREDENTIALS_SECRETKEY", "test"),
				this.logDirectory)
			.timeReadiness(readiness(management));
	}

	/** The producer with the offline generator: {@code batchSize} users per cycle, {@code pause} between cycles. */
	MeasuredProcess producer(String name, String topic, int batchSize, Duration pause) {
		int management = freePort();
		List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + this.bootstrapServers,
				"--pipeline.topic=" + topic, "--producer.source=synthetic",
				"--producer.batch-size=" + batchSize, "--producer.pause-interval=" + pause.toMillis() + "ms",
				"--server.port=0", "--management.server.port=" + management));
		return MeasuredProcess.start(MeasuredProcess.PRODUCER, name, this.producerJar, this.jvmOptions, arguments,
				Map.of("PIPELINE_ENCRYPTION_KEYS", this.encryptionKey), this.logDirectory)
			.timeReadiness(readiness(management));
	}

	private List<String> common(String topic, String group, String profile, int management) {
		return new ArrayList<>(List.of("--spring.profiles.active=" + profile,
				"--spring.kafka.bootstrap-servers=" + this.bootstrapServers, "--pipeline.topic=" + topic,
				"--spring.kafka.consumer.group-id=" + group, "--server.port=0", "--management.server.port=" + management));
	}

	/** The readiness probe ({@code management.endpoint.health.probes.enabled} is on in both services). */
	private static URI readiness(int managementPort) {
		return URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
	}

	/** A port free now, for a process to listen on (the management port must be known to probe it). */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
