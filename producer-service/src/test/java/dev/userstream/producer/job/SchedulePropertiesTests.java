package dev.userstream.producer.job;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulePropertiesTests {

	@Test
	void readsBareNumbersAsSecondsLikeTheOriginalScript() {
		ScheduleProperties properties = bind(Map.of("producer.pause-interval", "10", "producer.streaming-duration", "60"));

		assertThat(properties.pauseInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.streamingDuration()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void readsUnitsAndDefaults() {
		ScheduleProperties properties = bind(Map.of("producer.pause-interval", "250ms"));

		assertThat(properties.pauseInterval()).isEqualTo(Duration.ofMillis(250));
		assertThat(properties.streamingDuration()).isZero();
		assertThat(properties.batchSize()).isEqualTo(1);
		assertThat(properties.schedule().enabled()).isTrue();
	}

	private static ScheduleProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("producer", ScheduleProperties.class);
	}

}
