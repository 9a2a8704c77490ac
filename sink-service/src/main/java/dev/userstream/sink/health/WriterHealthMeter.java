package dev.userstream.sink.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code userstream.writers.up}: 1 while every writer stores, 0 from a writer's failure until a batch
 * is stored again (what {@link WriterHealthIndicator} reports), so an alert can fire on an outage that
 * readiness alone only shows to the load balancer.
 */
@Component
class WriterHealthMeter implements MeterBinder {

	private final WriterHealthIndicator writers;

	WriterHealthMeter(WriterHealthIndicator writers) {
		this.writers = writers;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("userstream.writers.up", this.writers, (writers) -> Status.UP.equals(writers.health().getStatus()) ? 1 : 0)
			.description("1 while every writer stores, 0 while one fails (readiness DOWN, the batch is retried)")
			.register(registry);
	}

}
