package dev.userstream.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** {@link TopicReplicationProperties} for both services' topic declarations. */
@AutoConfiguration
@EnableConfigurationProperties(TopicReplicationProperties.class)
public class TopicReplicationConfiguration {

}
