package dev.userstream.producer.job;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import dev.userstream.model.Fernet;
import dev.userstream.producer.ProducerApplication;
import dev.userstream.producer.TestKeys;
import dev.userstream.producer.TopicReader;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A producer started while no broker listens keeps what it fetched, fetches nothing more, reports
 * not-ready, and publishes every kept record once a broker answers on its bootstrap address (the
 * suite's broker, reached through a port forwarder that the test opens late, on a known port).
 */
class BrokerDownAtStartIntegrationTests {

	static final String TOPIC = "broker-down-users";

	final String key = TestKeys.generate();

	final int port = freePort();

	PortForwarder broker;

	ConfigurableApplicationContext context;

	@AfterEach
	void tearDown() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.broker != null) {
			this.broker.close();
		}
	}

	@Test
	void keepsTheFetchedRecordsUntilTheBrokerComesUpThenPublishesEveryOne() {
		Instant start = Instant.now();
		this.context = startProducer();
		FetchAndPublishJob job = this.context.getBean(FetchAndPublishJob.class);
		RecordingUserSource source = this.context.getBean(RecordingUserSource.class);

		job.runOnce();
		job.runOnce();

		assertThat(source.requested()).as("no fetch while records wait").containsExactly(40);
		assertThat(job.pendingCount()).isEqualTo(40);
		assertThat(Http.get(actuator("health/readiness")).status()).isEqualTo(503);
		assertThat(Http.get(actuator("health/liveness")).status()).isEqualTo(200);

		this.broker = PortForwarder.start(this.port, EmbeddedKafka.bootstrapServers());
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			job.runOnce();
			return job.pendingCount() == 0;
		});

		assertThat(source.requested()).containsExactly(40);
		PublishedRecords.assertMatch(TopicReader.readAll(EmbeddedKafka.bootstrapServers(), TOPIC), source.returned(),
				Fernet.fromProperty(this.key, "test"), "synthetic", start);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(Http.get(actuator("health/readiness")).status()).isEqualTo(200));
	}

	/** Command-line arguments: they outrank application.yaml and anything the test JVM has set. */
	private ConfigurableApplicationContext startProducer() {
		return new SpringApplicationBuilder(ProducerApplication.class, RecordingUserSource.Configuration.class).run(
				"--pipeline.encryption.keys=" + this.key, "--pipeline.topic=" + TOPIC,
				"--spring.kafka.bootstrap-servers=127.0.0.1:" + this.port, "--spring.kafka.admin.operation-timeout=2s",
				"--spring.kafka.admin.properties.default.api.timeout.ms=3000",
				"--spring.kafka.admin.properties.request.timeout.ms=2000",
				"--spring.kafka.producer.properties.max.block.ms=2000", "--producer.schedule.enabled=false",
				"--producer.source=synthetic", "--producer.synthetic.seed=5", "--producer.batch-size=40",
				"--producer.topic.partitions=2", "--server.port=0", "--management.server.port=0");
	}

	private String actuator(String path) {
		return "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.management.port") + "/actuator/" + path;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
