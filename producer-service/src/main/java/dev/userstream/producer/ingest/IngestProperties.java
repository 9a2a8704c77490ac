package dev.userstream.producer.ingest;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP ingestion ({@code POST /api/users}). Off unless {@code tokens} is set: an endpoint that
 * publishes to the pipeline never runs unauthenticated.
 *
 * @param tokens bearer tokens a client may present, comma-separated (env PRODUCER_INGEST_TOKENS, a
 * secret); several allow rotation; none switches the endpoint off
 * @param maxRequestSize largest request body accepted; larger ones get 413
 * @param ackTimeout longest wait for the broker's acknowledgements; after it the request gets 503
 * @param retryAfter what the Retry-After header of a 503 suggests
 */
@ConfigurationProperties("producer.ingest")
@Validated
record IngestProperties(String tokens, @NotNull @DefaultValue("1MB") DataSize maxRequestSize,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("30s") Duration ackTimeout,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("10s") Duration retryAfter) {

	static final String TOKENS_PROPERTY = "producer.ingest.tokens";

	/** Users in one request at most. */
	static final int MAX_USERS = 1000;

	@AssertTrue(message = "max-request-size must be between 1KB and 100MB")
	boolean isMaxRequestSizeReasonable() {
		return this.maxRequestSize == null
				|| (this.maxRequestSize.toBytes() >= 1024 && this.maxRequestSize.toBytes() <= DataSize.ofMegabytes(100).toBytes());
	}

	/** Never the tokens: configuration ends up in logs and failure reports. */
	@Override
	public String toString() {
		return "IngestProperties[tokens=redacted, maxRequestSize=" + this.maxRequestSize + ", ackTimeout="
				+ this.ackTimeout + ", retryAfter=" + this.retryAfter + "]";
	}

}
