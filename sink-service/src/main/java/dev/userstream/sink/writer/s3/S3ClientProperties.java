package dev.userstream.sink.writer.s3;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Timeouts of the S3 client's calls. A batch waits for its slowest PutObject, so a call must end well
 * within the consumer's {@code max.poll.interval.ms}.
 *
 * @param apiCallTimeout longest one S3 call may take, the SDK's retries included
 * @param apiCallAttemptTimeout longest one HTTP attempt of a call may take
 */
@Validated
@ConfigurationProperties("sink.s3.client")
public record S3ClientProperties(@NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration apiCallTimeout,
		@NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration apiCallAttemptTimeout) {

	@AssertTrue(message = "api-call-attempt-timeout must not be longer than api-call-timeout")
	boolean isAttemptWithinCall() {
		return this.apiCallTimeout == null || this.apiCallAttemptTimeout == null
				|| this.apiCallAttemptTimeout.compareTo(this.apiCallTimeout) <= 0;
	}

}
