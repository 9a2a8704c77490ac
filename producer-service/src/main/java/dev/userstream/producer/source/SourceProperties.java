package dev.userstream.producer.source;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the producer gets its users.
 *
 * @param source randomuser (the randomuser.me API) or synthetic (offline generator)
 * @param randomuser settings of the randomuser.me client
 * @param synthetic settings of the offline generator
 */
@ConfigurationProperties("producer")
@Validated
record SourceProperties(@NotNull @DefaultValue("randomuser") SourceType source,
		@Valid @DefaultValue RandomUser randomuser, @Valid @DefaultValue Synthetic synthetic) {

	/**
	 * The randomuser.me client.
	 *
	 * @param baseUrl API root; the client calls {base-url}/api/1.4/
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the whole response
	 * @param maxAttempts attempts per fetch for 429, 5xx and I/O errors, the first included
	 * @param initialBackoff wait before the second attempt, doubled each time (unless Retry-After says otherwise)
	 * @param maxBackoff longest wait between attempts; a longer Retry-After ends the fetch and delays the next one
	 * @param maxRetryAfter longest a Retry-After can hold fetches back; a longer one (or a date far ahead) waits this long
	 */
	record RandomUser(@NotNull @DefaultValue("https://randomuser.me") URI baseUrl,
			@NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration connectTimeout,
			@NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration readTimeout,
			@Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
			@NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration initialBackoff,
			@NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration maxBackoff,
			@NotNull @DurationMin(millis = 1) @DefaultValue("10m") Duration maxRetryAfter) {
	}

	/**
	 * The offline generator.
	 *
	 * @param seed seed of the generator; the same seed gives the same users (random and logged when unset)
	 */
	record Synthetic(Long seed) {
	}

}
