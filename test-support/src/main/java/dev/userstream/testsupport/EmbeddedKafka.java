package dev.userstream.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-JVM KRaft broker per test JVM, started on first use and shared by every test context
 * (starting one takes seconds; topics are cheap). Stopped when the JVM exits.
 */
public final class EmbeddedKafka {

	private static EmbeddedKafkaKraftBroker broker;

	private EmbeddedKafka() {
	}

	/** The broker's bootstrap servers, starting it on first call. */
	public static synchronized String bootstrapServers() {
		if (broker == null) {
			broker = startBroker();
		}
		return broker.getBrokersAsString();
	}

	/**
	 * A new single-node KRaft broker on a free port of localhost, configured like a production
	 * cluster would be for this pipeline (no topic auto-creation; internal topics on one replica);
	 * stopped when the JVM exits.
	 */
	public static EmbeddedKafkaKraftBroker startBroker() {
		EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
		started.brokerProperties(Map.of(
				"auto.create.topics.enable", "false",
				"offsets.topic.replication.factor", "1",
				"transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1",
				"group.initial.rebalance.delay.ms", "0"));
		started.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-stop"));
		return started;
	}

}
