package dev.userstream.producer.job;

import java.time.Duration;
import java.time.Instant;

import dev.userstream.model.Fernet;
import dev.userstream.producer.ProducerApplication;
import dev.userstream.producer.TestKeys;
import dev.userstream.producer.TopicReader;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaBrokerProcess;
import dev.userstream.testsupport.KafkaTestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker stopped and started again (same address, same data: a real broker process) while the
 * producer's schedule runs: readiness is DOWN while the broker is away and UP after, the producer never
 * stops, and the topic ends with every user the source returned, each exactly once.
 */
class BrokerOutageIntegrationTests {

	static final String TOPIC = "broker-outage-users";

	static final Duration OUTAGE = Duration.ofSeconds(20);

	final String key = TestKeys.generate();

	KafkaBrokerProcess broker;

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
	void publishesEveryUserExactlyOnceAcrossABrokerRestart() {
		Instant start = Instant.now();
		this.broker = KafkaBrokerProcess.create().start();
		KafkaTestClients clients = new KafkaTestClients(this.broker.bootstrapServers());
		this.context = startProducer();
		RecordingUserSource source = this.context.getBean(RecordingUserSource.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> clients.recordCount(TOPIC) >= 200);
		assertThat(readiness()).isEqualTo(200);

		this.broker.stop();
		await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 503);
		int fetchedBefore = source.returned().size();
		await().during(OUTAGE).atMost(OUTAGE.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
			.until(() -> readiness() == 503);
		assertThat(source.returned().size()).as("no fetch while a batch waits for the broker").isEqualTo(fetchedBefore);

		this.broker.start();
		await().atMost(Duration.ofSeconds(90)).until(() -> readiness() == 200);
		await().atMost(Duration.ofSeconds(60)).until(() -> source.returned().size() >= fetchedBefore + 200);
		this.context.close(); // the job's finish(): last batch published, producer flushed

		PublishedRecords.assertMatch(TopicReader.readAll(this.broker.bootstrapServers(), TOPIC), source.returned(),
				Fernet.fromProperty(this.key, "test"), "synthetic", start);
	}

	private ConfigurableApplicationContext startProducer() {
		return new SpringApplicationBuilder(ProducerApplication.class, RecordingUserSource.Configuration.class).run(
				"--pipeline.encryption.keys=" + this.key, "--pipeline.topic=" + TOPIC,
				"--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(),
				"--spring.kafka.producer.properties.max.block.ms=2000", "--producer.source=synthetic",
				"--producer.batch-size=20", "--producer.pause-interval=100ms", "--producer.topic.partitions=2",
				"--server.port=0", "--management.server.port=0");
	}

	private int readiness() {
		String port = this.context.getEnvironment().getProperty("local.management.port");
		return Http.get("http://127.0.0.1:" + port + "/actuator/health/readiness").status();
	}

}
