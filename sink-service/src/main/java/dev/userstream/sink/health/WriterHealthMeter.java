package dev.userstream.sink.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code userstream.writers.up}: 1 while batches complete, 0 from a failure until a batch completes
 * again (what {@link PipelineHealthIndicator} reports: a store, the dead-letter topic, the keys), so an
 * alert can fire on an outage that readiness alone only shows to the load balancer.
 */
@Component
class WriterHealthMeter implements MeterBinder {

	private final PipelineHealthIndicator pipeline;

	WriterHealthMeter(PipelineHealthIndicator pipeline) {
		this.pipeline = pipeline;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("userstream.writers.up", this.pipeline, (pipeline) -> pipeline.isFailing() ? 0 : 1)
			.description("1 while batches are stored, 0 while a store, the dead-letter topic or the keys fail"
					+ " (readiness pipeline DOWN, the batch is retried)")
			.register(registry);
	}

}
