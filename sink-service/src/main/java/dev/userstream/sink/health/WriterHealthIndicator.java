package dev.userstream.sink.health;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN from the moment a writer fails until a batch is stored again, so readiness shows an outage
 * while the listener retries. Details name the writer and the exception class, never a message
 * (messages may carry data or connection strings).
 */
@Component("writers")
public class WriterHealthIndicator implements HealthIndicator {

	private volatile Failure failure;

	/** Records that a writer failed. */
	public void failed(String writer, Exception ex) {
		Failure current = this.failure;
		Instant since = (current != null) ? current.since() : Instant.now();
		this.failure = new Failure(writer, ex.getClass().getName(), since);
	}

	/** Records that a batch was stored. */
	public void recovered() {
		this.failure = null;
	}

	@Override
	public Health health() {
		Failure current = this.failure;
		if (current == null) {
			return Health.up().build();
		}
		return Health.down()
			.withDetail("writer", current.writer())
			.withDetail("error", current.exception())
			.withDetail("since", current.since().toString())
			.build();
	}

	private record Failure(String writer, String exception, Instant since) {
	}

}
