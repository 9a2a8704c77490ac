package dev.userstream.support.kafka;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.validation.annotation.Validated;

/**
 * Replication of the topics a service creates (the producer's users topic, the sink's dead-letter
 * topic). Unset, the broker's defaults apply ({@code default.replication.factor},
 * {@code min.insync.replicas}), so a topic made on a three-broker cluster is not left with one replica.
 *
 * @param replicas replication factor of a topic the service creates; unset: the broker's default
 * @param minInsyncReplicas {@code min.insync.replicas} of a topic the service creates (with acks=all, writes
 * fail while fewer replicas are in sync); unset: the broker's default
 */
@ConfigurationProperties("pipeline.topics")
@Validated
public record TopicReplicationProperties(@Min(1) @Max(Short.MAX_VALUE) Integer replicas, @Min(1) Integer minInsyncReplicas) {

	/** A topic cannot need more in-sync replicas than it has. */
	@AssertTrue(message = "pipeline.topics.min-insync-replicas must not exceed pipeline.topics.replicas")
	public boolean isMinInsyncReplicasWithinReplicas() {
		return this.replicas == null || this.minInsyncReplicas == null || this.minInsyncReplicas <= this.replicas;
	}

	/** Sets the replication that is configured on {@code topic}, leaving the rest to the broker. */
	public TopicBuilder applyTo(TopicBuilder topic) {
		if (this.replicas != null) {
			topic.replicas(this.replicas);
		}
		if (this.minInsyncReplicas != null) {
			topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(this.minInsyncReplicas));
		}
		return topic;
	}

}
