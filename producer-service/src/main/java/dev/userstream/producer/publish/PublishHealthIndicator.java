package dev.userstream.producer.publish;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code publish}, part of readiness: DOWN with the cause while the last publish left records
 * unacknowledged (they are being retried), UP again once a publish is acknowledged whole. The broker
 * can answer the {@code kafka} probe and still refuse records (a leaderless partition, a full disk, an
 * authorization change); this is what the retry loop itself sees.
 */
@Component
class PublishHealthIndicator implements HealthIndicator {

	private volatile Health health = Health.up().build();

	@Override
	public Health health() {
		return this.health;
	}

	void acknowledged() {
		this.health = Health.up().build();
	}

	void retrying(int records, String cause) {
		this.health = Health.down().withDetail("unacknowledged", records).withDetail("error", cause).build();
	}

}
