package dev.userstream.producer.publish;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The users topic and the producer's bounded close. */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

	@Bean
	NewTopic usersTopic(PipelineProperties pipeline, PublishProperties publish) {
		return TopicBuilder.name(pipeline.topic())
			.partitions(publish.topic().partitions())
			.replicas(publish.topic().replicas())
			.build();
	}

	/** Closing the producer flushes its buffer; the original closed with a 0 s timeout and lost it. */
	@Bean
	DefaultKafkaProducerFactoryCustomizer boundedProducerClose(PublishProperties publish) {
		return (factory) -> factory.setPhysicalCloseTimeout((int) publish.flushTimeout().toSeconds());
	}

}
