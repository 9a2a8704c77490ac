package dev.userstream.producer.source;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.userstream.producer.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.ResponseActions;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withException;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServerError;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withTooManyRequests;

@ExtendWith(OutputCaptureExtension.class)
class RandomUserClientTests {

	static final String URL = "http://randomuser.test/api/1.4/?results=2&inc=gender,name,location,email,login,dob";

	final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	final List<Duration> sleeps = new ArrayList<>();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));

	MockRestServiceServer server;

	RandomUserClient client;

	@BeforeEach
	void setUp() {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://randomuser.test");
		this.server = MockRestServiceServer.bindTo(builder).build();
		SourceProperties.RandomUser properties = new SourceProperties.RandomUser(URI.create("http://randomuser.test"),
				Duration.ofSeconds(1), Duration.ofSeconds(1), 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
				Duration.ofMinutes(10));
		this.client = new RandomUserClient(builder.build(), properties, this.clock, this.sleeps::add, this.meterRegistry);
	}

	@Test
	void readsEveryFieldTheWireRecordNeedsFromTheFixture() {
		expectRequest().andRespond(withSuccess(Fixtures.randomUserTwoUsers(), MediaType.APPLICATION_JSON));

		List<SourceUser> users = this.client.fetch(2);

		assertThat(users).containsExactly(
				new SourceUser("2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88", "Bently", "Martin", "male", "Canada", "Yukon",
						"Aylmer", "bently.martin@example.com", "1952-10-10T07:36:45.668Z", 72, "greenbutterfly827", "elvis1"),
				new SourceUser("d5e0828c-a86e-47ac-af8a-cf3418d37969", "Jared", "Peters", "male", "United States",
						"Colorado", "Steilacoom", "jared.peters@example.com", "1979-09-13T00:42:30.333Z", 45, "greenduck668",
						"genesis"));
		this.server.verify();
	}

	@Test
	void toleratesNullIdValueAndPostcodeAsNumberOrText() {
		String body = Fixtures.randomUserTwoUsers()
			.replace("\"value\": \"574646691\"", "\"value\": null")
			.replace("\"postcode\": \"Z4B 4T0\"", "\"postcode\": 41234");
		assertThat(body).contains("\"value\": null").contains("\"postcode\": 90592");
		expectRequest().andRespond(withSuccess(body, MediaType.APPLICATION_JSON));

		assertThat(this.client.fetch(2)).hasSize(2);
	}

	@Test
	void waitsAsLongAsRetryAfterSaysOn429() {
		expectRequest().andRespond(withTooManyRequests().header(HttpHeaders.RETRY_AFTER, "7"));
		expectRequest().andRespond(withSuccess(Fixtures.randomUserTwoUsers(), MediaType.APPLICATION_JSON));

		assertThat(this.client.fetch(2)).hasSize(2);
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(7));
		assertThat(errors("rate-limited")).isEqualTo(1);
	}

	@Test
	void readsRetryAfterAsAnHttpDate() {
		expectRequest().andRespond(withTooManyRequests().header(HttpHeaders.RETRY_AFTER, "Sun, 22 Nov 2026 01:00:12 GMT"));
		expectRequest().andRespond(withSuccess(Fixtures.randomUserTwoUsers(), MediaType.APPLICATION_JSON));

		assertThat(this.client.fetch(2)).hasSize(2);
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(12));
	}

	@Test
	void backsOffExponentiallyOnServerErrorsAndTimeouts() {
		expectRequest().andRespond(withServerError());
		expectRequest().andRespond(withStatus(HttpStatus.BAD_GATEWAY));
		expectRequest().andRespond(withException(new SocketTimeoutException("Read timed out")));
		expectRequest().andRespond(withSuccess(Fixtures.randomUserTwoUsers(), MediaType.APPLICATION_JSON));

		assertThat(this.client.fetch(2)).hasSize(2);
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
		assertThat(errors("server-error")).isEqualTo(2);
		assertThat(errors("io-error")).isEqualTo(1);
	}

	@Test
	void givesUpAfterMaxAttempts() {
		for (int i = 0; i < 5; i++) {
			expectRequest().andRespond(withServerError());
		}

		assertThatExceptionOfType(SourceUnavailableException.class).isThrownBy(() -> this.client.fetch(2))
			.withMessageContaining("HTTP 500 after 5 attempt(s)");
		assertThat(this.sleeps).hasSize(4);
		this.server.verify();
	}

	@Test
	void doesNotRetryClientErrors() {
		expectRequest().andRespond(withStatus(HttpStatus.BAD_REQUEST));

		assertThatExceptionOfType(SourceUnavailableException.class).isThrownBy(() -> this.client.fetch(2))
			.withMessageContaining("HTTP 400");
		assertThat(this.sleeps).isEmpty();
		this.server.verify();
	}

	@Test
	void holdsBackFetchesUntilALongRetryAfterHasPassed() {
		expectRequest().andRespond(withTooManyRequests().header(HttpHeaders.RETRY_AFTER, "120"));
		assertThatExceptionOfType(SourceUnavailableException.class).isThrownBy(() -> this.client.fetch(2))
			.withMessageContaining("retry after PT2M");

		this.clock.advance(Duration.ofSeconds(119));
		assertThat(this.client.fetch(2)).isEmpty();
		this.server.verify();

		this.server.reset();
		this.clock.advance(Duration.ofSeconds(1));
		expectRequest().andRespond(withSuccess(Fixtures.randomUserTwoUsers(), MediaType.APPLICATION_JSON));
		assertThat(this.client.fetch(2)).hasSize(2);
		assertThat(this.sleeps).isEmpty();
	}

	@Test
	void capsARetryAfterFarAheadAtMaxRetryAfter(CapturedOutput output) {
		expectRequest().andRespond(withTooManyRequests().header(HttpHeaders.RETRY_AFTER, "999999999999"));
		assertThatExceptionOfType(SourceUnavailableException.class).isThrownBy(() -> this.client.fetch(2))
			.withMessageContaining("waiting PT10M (producer.randomuser.max-retry-after)");

		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.client.fetch(2)).isEmpty();
		this.server.verify();

		this.server.reset();
		this.clock.advance(Duration.ofMinutes(1));
		expectRequest().andRespond(withSuccess(Fixtures.randomUserTwoUsers(), MediaType.APPLICATION_JSON));
		assertThat(this.client.fetch(2)).hasSize(2);
		assertThat(this.sleeps).isEmpty();
		assertThat(output).doesNotContain("asked to wait until");
	}

	@Test
	void skipsAnEmptyResultsList() {
		expectRequest().andRespond(withSuccess("{\"results\":[],\"info\":{\"results\":0}}", MediaType.APPLICATION_JSON));

		assertThat(this.client.fetch(2)).isEmpty();
		assertThat(this.sleeps).isEmpty();
		assertThat(errors("malformed")).isZero();
	}

	@Test
	void countsAndSkipsAMalformedBodyWithoutLoggingIt(CapturedOutput output) {
		String truncated = Fixtures.randomUserTwoUsers().substring(0, 700);
		assertThat(truncated).contains("bently.martin@example.com");
		expectRequest().andRespond(withSuccess(truncated, MediaType.APPLICATION_JSON));

		assertThat(this.client.fetch(2)).isEmpty();
		assertThat(errors("malformed")).isEqualTo(1);
		assertThat(output).contains("malformed body").doesNotContain("bently").doesNotContain("Martin");
	}

	@Test
	void skipsResultsThatLackARequiredField() {
		String body = Fixtures.randomUserTwoUsers().replace("\"uuid\": \"2a9cb0f5-cbe0-4aab-9561-c2d3c934aa88\",", "")
			.replace("1979-09-13T00:42:30.333Z", "1979-09-13");
		expectRequest().andRespond(withSuccess(body, MediaType.APPLICATION_JSON));

		assertThat(this.client.fetch(2)).isEmpty();
		assertThat(errors("malformed")).isEqualTo(2);
	}

	private ResponseActions expectRequest() {
		return this.server.expect(requestTo(URL)).andExpect(method(HttpMethod.GET));
	}

	private double errors(String reason) {
		var counter = this.meterRegistry.find("userstream.fetch.errors").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
