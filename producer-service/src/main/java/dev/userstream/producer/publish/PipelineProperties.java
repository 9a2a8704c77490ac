package dev.userstream.producer.publish;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared with the sink.
 *
 * @param topic the topic users are published to
 */
@ConfigurationProperties("pipeline")
@Validated
record PipelineProperties(@NotBlank @DefaultValue("users_topic") String topic) {
}
