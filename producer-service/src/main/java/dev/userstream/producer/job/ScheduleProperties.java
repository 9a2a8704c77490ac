package dev.userstream.producer.job;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * How often and how long the producer fetches, like the original script's PAUSE_INTERVAL and
 * STREAMING_DURATION.
 *
 * @param batchSize users per fetch (randomuser's results=), 1 to 5000
 * @param pauseInterval pause between the end of one fetch-and-publish and the start of the next (a bare
 * number is seconds, like the original PAUSE_INTERVAL)
 * @param streamingDuration stop after this long, flush and exit like a Job (code 0 when every fetched record was
 * acknowledged); 0 runs until stopped; a bare number is seconds, like the original STREAMING_DURATION
 * @param schedule the schedule itself
 */
@ConfigurationProperties("producer")
@Validated
record ScheduleProperties(
		@Min(value = 1, message = "must be between 1 and 5000 (randomuser's limit per request)")
		@Max(value = 5000, message = "must be between 1 and 5000 (randomuser's limit per request)")
		@DefaultValue("1") int batchSize,
		@NotNull @DurationMin(nanos = 1, message = "must be positive, e.g. 10s or 500ms") @DurationUnit(ChronoUnit.SECONDS)
		@DefaultValue("10s") Duration pauseInterval,
		@NotNull @DurationMin(nanos = 0, message = "must be 0 (run until stopped) or positive, e.g. 10m")
		@DurationUnit(ChronoUnit.SECONDS) @DefaultValue("0") Duration streamingDuration,
		@Valid @DefaultValue Schedule schedule) {

	/**
	 * The schedule.
	 *
	 * @param enabled whether to fetch on a schedule; tests switch it off and run the job themselves
	 */
	record Schedule(@DefaultValue("true") boolean enabled) {
	}

}
