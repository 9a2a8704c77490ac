package dev.userstream.producer.source;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.userstream.producer.LocalRandomUserServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client as {@link SourceConfiguration} builds it (JDK HTTP client, real timeouts) against a real
 * HTTP server on loopback.
 */
class RandomUserClientLocalServerTests {

	final LocalRandomUserServer server = LocalRandomUserServer.start();

	final List<Duration> sleeps = new ArrayList<>();

	final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	@Test
	void asksForTheBatchSizeAndOnlyTheFieldsItNeeds() {
		assertThat(client().fetch(2)).hasSize(2);

		assertThat(this.server.requests()).containsExactly("/api/1.4/?results=2&inc=gender,name,location,email,login,dob");
	}

	@Test
	void givesUpOnAHungRequestAfterTheReadTimeoutAndRetries() {
		this.server.thenHang();

		long start = System.nanoTime();
		assertThat(client().fetch(2)).hasSize(2);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(10));
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(100));
		assertThat(this.meterRegistry.get("userstream.fetch.errors").tag("reason", "io-error").counter().count()).isEqualTo(1);
	}

	@Test
	void honoursRetryAfterAndRetriesServerErrors() {
		this.server.then(429, Map.of("Retry-After", "3"), "{}").then(503, Map.of(), "busy");

		assertThat(client().fetch(2)).hasSize(2);

		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(100));
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void retriesWhenNothingListens() {
		SourceProperties.RandomUser properties = properties(URI.create("http://127.0.0.1:9"));
		RandomUserClient client = new RandomUserClient(restClient(properties), properties, Clock.systemUTC(), this.sleeps::add,
				this.meterRegistry);

		assertThatExceptionOfType(SourceUnavailableException.class).isThrownBy(() -> client.fetch(1))
			.withMessageContaining("after 3 attempt(s)");
		assertThat(this.sleeps).hasSize(2);
	}

	private RandomUserClient client() {
		SourceProperties.RandomUser properties = properties(URI.create(this.server.url()));
		return new RandomUserClient(restClient(properties), properties, Clock.systemUTC(), this.sleeps::add, this.meterRegistry);
	}

	private static RestClient restClient(SourceProperties.RandomUser properties) {
		return SourceConfiguration.randomUserRestClient(RestClient.builder(), properties);
	}

	private static SourceProperties.RandomUser properties(URI baseUrl) {
		return new SourceProperties.RandomUser(baseUrl, Duration.ofSeconds(1), Duration.ofMillis(500), 3,
				Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMinutes(10));
	}

}
