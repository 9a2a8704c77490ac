package dev.userstream.producer.publish;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the producer declares its topic and lets go of its buffer.
 *
 * @param topic how the topic is created when it does not exist
 * @param flushTimeout longest wait for buffered records when the producer closes (shutdown or end of the run)
 */
@ConfigurationProperties("producer")
@Validated
record PublishProperties(@Valid @DefaultValue Topic topic,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("10s") Duration flushTimeout) {

	/**
	 * The topic as the producer declares it.
	 *
	 * @param partitions partitions of a topic the producer creates (its replication: pipeline.topics.*)
	 */
	record Topic(@Min(1) @DefaultValue("3") int partitions) {
	}

}
