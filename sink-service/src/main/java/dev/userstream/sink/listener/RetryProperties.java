package dev.userstream.sink.listener;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Backoff between retries of a batch whose store failed (outages). There is no limit on attempts or
 * time: an outage never dead-letters a record.
 *
 * @param initialInterval first wait
 * @param multiplier growth per attempt
 * @param maxInterval longest wait
 */
@Validated
@ConfigurationProperties("sink.retry")
record RetryProperties(@NotNull @DefaultValue("500ms") Duration initialInterval,
		@DecimalMin("1.0") @DefaultValue("2.0") double multiplier, @NotNull @DefaultValue("30s") Duration maxInterval) {

	@AssertTrue(message = "sink.retry.initial-interval must be positive and not above sink.retry.max-interval")
	boolean isOrdered() {
		return this.initialInterval == null || this.maxInterval == null
				|| (!this.initialInterval.isNegative() && !this.initialInterval.isZero() && this.initialInterval.compareTo(this.maxInterval) <= 0);
	}

}
