package dev.userstream.producer.publish;

import dev.userstream.support.kafka.KafkaClusterProbe;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the users topic can take records: the brokers answer, the topic exists (created here if the
 * broker was down when the application started) and every partition has a leader. An idempotent
 * producer that sends to a partition without a leader yet can end in endless OUT_OF_ORDER_SEQUENCE
 * retries, so the first send waits for this; once true, it stays true.
 */
@Component
class TopicReadiness {

	private static final Logger logger = LoggerFactory.getLogger(TopicReadiness.class);

	private final KafkaAdmin admin;

	private final KafkaClusterProbe probe;

	private final NewTopic topic;

	private volatile boolean ready;

	TopicReadiness(KafkaAdmin admin, KafkaClusterProbe probe, NewTopic usersTopic) {
		this.admin = admin;
		this.probe = probe;
		this.topic = usersTopic;
	}

	String name() {
		return this.topic.name();
	}

	boolean ensureReady() {
		if (!this.ready) {
			KafkaClusterProbe.Cluster cluster = this.probe.describe();
			if (!cluster.reachable()) {
				logger.warn("Kafka is not reachable ({})", cluster.error());
				return false;
			}
			try {
				this.admin.createOrModifyTopics(this.topic);
				Map<String, TopicDescription> descriptions = this.admin.describeTopics(this.topic.name());
				this.ready = descriptions.get(this.topic.name()).partitions().stream().allMatch((p) -> p.leader() != null);
			}
			catch (RuntimeException ex) {
				logger.warn("Topic {} is not ready yet: {}", this.topic.name(), ex.getMessage());
			}
		}
		return this.ready;
	}

}
