package dev.userstream.sink.listener;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the dead-letter topic. Kafka's defaults (about 1 MiB per record) are smaller than a
 * rejected record plus the headers that explain it, so the sink creates the topic and sizes its
 * producer with this limit; a record that still does not fit is dead-lettered without its value.
 *
 * @param maxRecordSize largest dead letter: the topic's {@code max.message.bytes} and the producer's
 * {@code max.request.size}
 */
@Validated
@ConfigurationProperties("sink.dead-letter")
record DeadLetterProperties(@NotNull @DefaultValue("10MB") DataSize maxRecordSize) {

	@AssertTrue(message = "sink.dead-letter.max-record-size must be at least 64KB")
	boolean isLargeEnough() {
		return this.maxRecordSize == null || this.maxRecordSize.toKilobytes() >= 64;
	}

}
