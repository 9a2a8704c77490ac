package dev.userstream.sink.health;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN from the moment a batch cannot be completed until one is again, so readiness shows every loop
 * the listener retries in: a store failing, the dead-letter topic away, records signed by a key the sink
 * lacks, or any other failure of a batch. Details name the component and the exception class, and a
 * cause only where the sink wrote it itself; never an exception's message (messages may carry data or
 * connection strings).
 */
@Component("pipeline")
public class PipelineHealthIndicator implements HealthIndicator {

	private volatile Failure failure;

	/**
	 * Records that a component failed a batch.
	 * @param component what failed: a writer's name, {@code dead-letter-topic}, {@code encryption-keys}, {@code listener}
	 * @param ex the failure
	 * @param cause a safe one-line explanation, or {@code null}
	 */
	public void failed(String component, Exception ex, String cause) {
		Failure current = this.failure;
		Instant since = (current != null) ? current.since() : Instant.now();
		this.failure = new Failure(component, ex.getClass().getName(), cause, since);
	}

	/** Records that a batch was completed. */
	public void recovered() {
		this.failure = null;
	}

	/** Whether a failure is current. */
	public boolean isFailing() {
		return this.failure != null;
	}

	@Override
	public Health health() {
		Failure current = this.failure;
		if (current == null) {
			return Health.up().build();
		}
		Health.Builder down = Health.down()
			.withDetail("component", current.component())
			.withDetail("error", current.exception())
			.withDetail("since", current.since().toString());
		if (current.cause() != null) {
			down.withDetail("cause", current.cause());
		}
		return down.build();
	}

	private record Failure(String component, String exception, String cause, Instant since) {
	}

}
