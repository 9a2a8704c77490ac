package dev.userstream.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** pipeline.topics.*: the broker's defaults unless set, and refused at start-up when impossible. */
class TopicReplicationPropertiesTests {

	final ApplicationContextRunner context = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ValidationAutoConfiguration.class, TopicReplicationConfiguration.class));

	@Test
	void leavesReplicationToTheBrokerWhenUnset() {
		this.context.run((context) -> {
			NewTopic topic = context.getBean(TopicReplicationProperties.class).applyTo(TopicBuilder.name("t")).build();

			assertThat(topic.replicationFactor()).as("-1: the broker's default.replication.factor applies").isEqualTo((short) -1);
			assertThat(java.util.Objects.requireNonNullElse(topic.configs(), java.util.Map.of())).doesNotContainKey("min.insync.replicas");
		});
	}

	@Test
	void takesEmptyValuesAsUnsetAsComposePassesThem() {
		this.context.withPropertyValues("pipeline.topics.replicas=", "pipeline.topics.min-insync-replicas=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(TopicReplicationProperties.class).replicas()).isNull();
			assertThat(context.getBean(TopicReplicationProperties.class).minInsyncReplicas()).isNull();
		});
	}

	@Test
	void setsReplicasAndMinInsyncReplicasWhenConfigured() {
		this.context.withPropertyValues("pipeline.topics.replicas=3", "pipeline.topics.min-insync-replicas=2").run((context) -> {
			NewTopic topic = context.getBean(TopicReplicationProperties.class).applyTo(TopicBuilder.name("t")).build();

			assertThat(topic.replicationFactor()).isEqualTo((short) 3);
			assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
		});
	}

	@Test
	void refusesZeroReplicasAtStartUpNamingTheProperty() {
		this.context.withPropertyValues("pipeline.topics.replicas=0").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("pipeline.topics")
			.hasMessageContaining("replicas"));
	}

	@Test
	void refusesMoreInsyncReplicasThanReplicas() {
		this.context.withPropertyValues("pipeline.topics.replicas=1", "pipeline.topics.min-insync-replicas=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pipeline.topics.min-insync-replicas must not exceed pipeline.topics.replicas"));
	}

}
