package dev.userstream.sink.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.ProxiedStoresTestConfiguration;
import dev.userstream.testsupport.TcpProxy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness's {@code db} check against a database that stops answering without closing its
 * connections (packets dropped): it reads DOWN within seconds, not after the driver's 60 s socket
 * timeout, even when the pool hands out a connection it does not re-check because it was just used.
 */
@SpringBootTest(properties = { "pipeline.topic=db-health-it-users", "spring.kafka.consumer.group-id=db-health-it",
		"spring.kafka.listener.auto-startup=false" })
@ActiveProfiles("jpa")
@Import({ KafkaTestConfiguration.class, ProxiedStoresTestConfiguration.class })
class DatabaseHealthIntegrationTests {

	@Autowired
	@Qualifier("dbHealthIndicator")
	HealthIndicator db;

	@Autowired
	@Qualifier("databaseProxy")
	TcpProxy proxy;

	@Test
	void readsDownWithinSecondsWhenTheDatabaseDropsPackets() throws Exception {
		Health healthy = this.db.health();
		assertThat(healthy.getStatus()).isEqualTo(Status.UP);
		assertThat(healthy.getDetails()).containsKey("database");
		try {
			// the connection the check just used goes back to the pool and is handed out unchecked next
			this.db.health();
			this.proxy.blackHole();
			Health blackHoled = CompletableFuture.supplyAsync(this.db::health).get(20, TimeUnit.SECONDS);
			assertThat(blackHoled.getStatus()).isEqualTo(Status.DOWN);
			assertThat(blackHoled.getDetails().toString()).doesNotContain("jdbc:");
		}
		finally {
			this.proxy.restore();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.db.health().getStatus().equals(Status.UP));
	}

}
