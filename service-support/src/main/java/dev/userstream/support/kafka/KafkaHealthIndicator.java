package dev.userstream.support.kafka;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code kafka}: UP when the brokers describe the cluster within
 * {@link KafkaClusterProbe#TIMEOUT}. Part of the readiness group, never of liveness (a broker outage
 * must not restart the producer). A result is reused for {@link #CACHE_FOR}, so that probes cannot
 * flood the cluster.
 */
class KafkaHealthIndicator implements HealthIndicator {

	static final Duration CACHE_FOR = Duration.ofSeconds(5);

	private final KafkaClusterProbe probe;

	private Health last;

	private long lastAt;

	KafkaHealthIndicator(KafkaClusterProbe probe) {
		this.probe = probe;
	}

	@Override
	public synchronized Health health() {
		if (this.last == null || System.nanoTime() - this.lastAt > CACHE_FOR.toNanos()) {
			this.last = check();
			this.lastAt = System.nanoTime();
		}
		return this.last;
	}

	private Health check() {
		KafkaClusterProbe.Cluster cluster = this.probe.describe();
		if (!cluster.reachable()) {
			return Health.down().withDetail("error", cluster.error()).build();
		}
		return Health.up().withDetail("clusterId", cluster.clusterId()).withDetail("nodes", cluster.nodes()).build();
	}

}
