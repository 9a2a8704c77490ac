package dev.userstream.producer.publish;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;

import dev.userstream.support.kafka.TopicReplicationProperties;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The users topic, a start-up check of the bootstrap servers and the producer's bounded close. */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

	@Bean
	NewTopic usersTopic(PipelineProperties pipeline, PublishProperties publish, TopicReplicationProperties replication) {
		return replication.applyTo(TopicBuilder.name(pipeline.topic()).partitions(publish.topic().partitions())).build();
	}

	/**
	 * Bootstrap servers that are not host:port stop start-up (the producer is created lazily, so Kafka
	 * itself would only refuse them at the first send, with the service already reporting started).
	 */
	@Bean
	InitializingBean bootstrapServersCheck(KafkaProperties kafka) {
		return () -> {
			for (String server : kafka.getBootstrapServers()) {
				if (Utils.getHost(server) == null || Utils.getPort(server) == null) {
					throw new ConfigException(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, server, "not host:port");
				}
			}
		};
	}

	/** Closing the producer flushes its buffer; the original closed with a 0 s timeout and lost it. */
	@Bean
	DefaultKafkaProducerFactoryCustomizer boundedProducerClose(PublishProperties publish) {
		return (factory) -> factory.setPhysicalCloseTimeout((int) publish.flushTimeout().toSeconds());
	}

}
