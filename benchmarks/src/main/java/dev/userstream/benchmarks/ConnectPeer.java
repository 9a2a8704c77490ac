package dev.userstream.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.userstream.model.UserRecordJson;
import dev.userstream.testsupport.DatabaseEndpoint;
import tools.jackson.databind.JsonNode;

/**
 * The real peer: Apache Kafka Connect's standalone worker (as Maven Central ships it) running
 * Debezium's JDBC sink in upsert mode on {@code user_id}, a child process like our services, writing
 * the same users into {@value Database#CONNECT_TABLE}. Its settings are the peer's best: a whole
 * {@value #BATCH} records per {@code put()} and one upsert batch each, as many tasks as the topic has
 * partitions (our sink's consumers).
 *
 * @param libs the worker's class path (a directory of jars)
 * @param plugins Kafka Connect's {@code plugin.path}, holding the unpacked Debezium JDBC sink
 * @param bootstrapServers the broker
 * @param database where the sink writes
 * @param directory where each run's configuration and log go
 */
record ConnectPeer(Path libs, Path plugins, String bootstrapServers, DatabaseEndpoint database, Path directory) {

	static final int BATCH = 3_000;

	static final int TASKS = Broker.PARTITIONS;

	/** As {@code bin/connect-standalone.sh} and {@code kafka-run-class.sh} start the worker. */
	static final List<String> JVM_OPTIONS = List.of("-Xms256M", "-Xmx2G", "-server", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
			"-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true");

	/**
	 * How often the worker commits the sink's offsets (default 10 s): they are the progress a run is timed
	 * by, as for our sink, so a short interval keeps the windows' ends within half a second.
	 */
	static final int OFFSET_FLUSH_MILLIS = 500;

	private static final String PASSWORD_VARIABLE = "BENCH_CONNECT_DATABASE_PASSWORD";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** The consumer group of the connector {@code name} (Connect's {@code connect-<name>}). */
	static String group(String name) {
		return "connect-" + name;
	}

	/** The version of a jar of the worker or the plugin, from its file name ({@code connect-runtime} → {@code 4.1.2}). */
	String version(String artifact) {
		try (Stream<Path> jars = Stream.concat(Files.list(this.libs), Files.walk(this.plugins))) {
			return jars.map((jar) -> jar.getFileName().toString())
				.filter((jar) -> jar.startsWith(artifact + "-") && jar.endsWith(".jar"))
				.map((jar) -> jar.substring(artifact.length() + 1, jar.length() - ".jar".length()))
				.findFirst()
				.orElse("(unknown version)");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the worker with the connector {@code name} reading {@code topic}. */
	Worker start(String name, String topic) {
		Path run = this.directory.resolve(name);
		int restPort = Services.freePort();
		try {
			Files.createDirectories(run);
			Path worker = Files.writeString(run.resolve("worker.properties"), String.join("\n",
					"bootstrap.servers=" + this.bootstrapServers,
					"key.converter=org.apache.kafka.connect.storage.StringConverter",
					"value.converter=org.apache.kafka.connect.json.JsonConverter",
					"value.converter.schemas.enable=true",
					"offset.storage.file.filename=" + run.resolve("connect.offsets"),
					"offset.flush.interval.ms=" + OFFSET_FLUSH_MILLIS,
					"plugin.path=" + this.plugins.toAbsolutePath(),
					// every plugin jar has ServiceLoader manifests: no reflective scan of them at start-up
					"plugin.discovery=service_load",
					"listeners=http://127.0.0.1:" + restPort,
					// one poll can carry a whole batch of ~1.5 KB records (defaults: 500 records, 1 MiB per partition)
					"consumer.max.poll.records=" + BATCH,
					"consumer.max.partition.fetch.bytes=4194304",
					// the database password comes from the environment, not from a file
					"config.providers=env",
					"config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider", ""));
			Path sink = Files.writeString(run.resolve("sink.properties"), String.join("\n",
					"name=" + name,
					"connector.class=io.debezium.connector.jdbc.JdbcSinkConnector",
					"tasks.max=" + TASKS,
					"topics=" + topic,
					"connection.url=" + this.database.url(),
					"connection.username=" + this.database.username(),
					"connection.password=${env:" + PASSWORD_VARIABLE + "}",
					"insert.mode=upsert",
					"primary.key.mode=record_value",
					"primary.key.fields=user_id",
					"batch.size=" + BATCH,
					"schema.evolution=none",
					"collection.name.format=" + Database.CONNECT_TABLE,
					"use.time.zone=UTC",
					"delete.enabled=false", ""));
			Path log4j = Files.writeString(run.resolve("log4j2.properties"), String.join("\n",
					"status=warn",
					"appender.file.type=File",
					"appender.file.name=FILE",
					"appender.file.fileName=" + run.resolve("connect.log").toAbsolutePath(),
					"appender.file.layout.type=PatternLayout",
					"appender.file.layout.pattern=[%d] %p %m (%c)%n",
					"rootLogger.level=INFO",
					"rootLogger.appenderRef.file.ref=FILE",
					"logger.hibernate.name=org.hibernate",
					"logger.hibernate.level=WARN", ""));
			List<String> jvm = new ArrayList<>(JVM_OPTIONS);
			jvm.add("-Dlog4j2.configurationFile=" + log4j.toAbsolutePath());
			MeasuredProcess process = MeasuredProcess.java(MeasuredProcess.CONNECT, name, jvm,
					List.of("-cp", this.libs.toAbsolutePath() + "/*", "org.apache.kafka.connect.cli.ConnectStandalone",
							worker.toAbsolutePath().toString(), sink.toAbsolutePath().toString()),
					Map.of(PASSWORD_VARIABLE, this.database.password()), run);
			return new Worker(process, URI.create("http://127.0.0.1:" + restPort + "/connectors/" + name + "/status"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not configure " + name, ex);
		}
	}

	/**
	 * A running worker and its connector's status resource.
	 *
	 * @param process the worker's process
	 * @param status {@code /connectors/<name>/status} of its REST API
	 */
	record Worker(MeasuredProcess process, URI status) {

		/** Whether the connector and all its tasks run. */
		boolean running() {
			JsonNode status = read();
			if (status == null || !status.path("connector").path("state").asString("").equals("RUNNING")) {
				return false;
			}
			JsonNode tasks = status.path("tasks");
			int running = 0;
			for (JsonNode task : tasks) {
				running += task.path("state").asString("").equals("RUNNING") ? 1 : 0;
			}
			return running == TASKS;
		}

		/** Fails with the first line of its trace when the connector or a task has failed. */
		void checkNotFailed() {
			JsonNode status = read();
			if (status == null) {
				return;
			}
			List<JsonNode> states = new ArrayList<>(List.of(status.path("connector")));
			status.path("tasks").forEach(states::add);
			for (JsonNode state : states) {
				if (state.path("state").asString("").equals("FAILED")) {
					throw new IllegalStateException("the Connect sink failed: " + state.path("trace").asString("").lines().findFirst().orElse("")
							+ "; see " + this.process.log().resolveSibling("connect.log"));
				}
			}
		}

		private JsonNode read() {
			try {
				HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(this.status).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.ofString());
				return (response.statusCode() == 200) ? UserRecordJson.mapper().readTree(response.body()) : null;
			}
			catch (IOException ex) {
				return null; // not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

	}

}
