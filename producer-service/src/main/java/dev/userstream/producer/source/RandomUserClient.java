package dev.userstream.producer.source;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

/**
 * Fetches users from randomuser.me ({@code /api/1.4/?results=N&inc=...}). 429 waits as long as
 * {@code Retry-After} says, 5xx and I/O errors (timeouts included) back off exponentially, up to
 * {@code max-attempts}; an empty {@code results} is skipped, a malformed body is counted and logged
 * without its content. A Retry-After longer than {@code max-backoff} ends the fetch and holds back
 * the following ones until it has passed, instead of blocking the schedule, but never longer than
 * {@code max-retry-after}: a server's clock or header must not stop the producer for good.
 */
final class RandomUserClient implements UserSource {

	static final String PATH = "/api/1.4/";

	/** Only what the wire record needs: smaller responses, and fewer fields that could vary. */
	static final String FIELDS = "gender,name,location,email,login,dob";

	private static final Logger logger = LoggerFactory.getLogger(RandomUserClient.class);

	private final RestClient restClient;

	private final SourceProperties.RandomUser properties;

	private final Clock clock;

	private final Sleeper sleeper;

	private final FetchErrors errors;

	private final RandomUserResponseReader reader;

	private Instant notBefore = Instant.MIN;

	RandomUserClient(RestClient restClient, SourceProperties.RandomUser properties, Clock clock, Sleeper sleeper,
			MeterRegistry meterRegistry) {
		this.restClient = restClient;
		this.properties = properties;
		this.clock = clock;
		this.sleeper = sleeper;
		this.errors = new FetchErrors(meterRegistry, name());
		this.reader = new RandomUserResponseReader(this.errors);
	}

	@Override
	public String name() {
		return "randomuser";
	}

	@Override
	public synchronized List<SourceUser> fetch(int count) {
		if (this.clock.instant().isBefore(this.notBefore)) {
			// the WARN was logged once, when the wait began
			logger.debug("randomuser asked to wait until {}: no fetch before then", this.notBefore);
			return List.of();
		}
		BackOffExecution backOff = backOff().start();
		for (int attempt = 1;; attempt++) {
			Attempt result = attempt(count);
			if (result.users() != null) {
				return result.users();
			}
			Duration wait = (result.retryAfter() != null) ? result.retryAfter() : Duration.ofMillis(backOff.nextBackOff());
			if (attempt >= this.properties.maxAttempts() || wait.compareTo(this.properties.maxBackoff()) > 0) {
				giveUp(result, attempt, wait);
			}
			logger.warn("randomuser fetch attempt {}/{} failed ({}); retrying in {}", attempt,
					this.properties.maxAttempts(), result.reason(), wait);
			pause(wait);
		}
	}

	private void giveUp(Attempt result, int attempts, Duration wait) {
		String holdBack = "";
		if (result.retryAfter() != null) {
			Duration capped = min(result.retryAfter(), this.properties.maxRetryAfter());
			this.notBefore = this.clock.instant().plus(capped);
			holdBack = "; asked to retry after " + wait + ((capped.equals(wait)) ? ""
					: ", waiting " + capped + " (producer.randomuser.max-retry-after)");
		}
		throw new SourceUnavailableException("randomuser: " + result.reason() + " after " + attempts + " attempt(s)" + holdBack);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private Attempt attempt(int count) {
		try {
			return this.restClient.get()
				.uri((uri) -> uri.path(PATH).queryParam("results", count).queryParam("inc", FIELDS).build())
				.accept(MediaType.APPLICATION_JSON)
				.exchange((request, response) -> handle(response));
		}
		catch (ResourceAccessException ex) {
			this.errors.count("io-error");
			return Attempt.retry(ex.getClass().getSimpleName() + " (" + rootCause(ex) + ")", null);
		}
	}

	private Attempt handle(ConvertibleClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (status.value() == 429) {
			this.errors.count("rate-limited");
			return Attempt.retry("HTTP 429", RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), this.clock));
		}
		if (status.is5xxServerError()) {
			this.errors.count("server-error");
			return Attempt.retry("HTTP " + status.value(), null);
		}
		if (!status.is2xxSuccessful()) {
			this.errors.count("client-error");
			throw new SourceUnavailableException("randomuser answered HTTP " + status.value() + " (not retried)");
		}
		// read first, parse after: an I/O error while reading is retried, a parse error is not
		return Attempt.done(this.reader.read(response.getBody().readAllBytes()));
	}

	private ExponentialBackOff backOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.properties.initialBackoff().toMillis(), 2.0);
		backOff.setMaxInterval(this.properties.maxBackoff().toMillis());
		return backOff;
	}

	private void pause(Duration wait) {
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SourceUnavailableException("randomuser: interrupted while waiting to retry");
		}
	}

	private static String rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

	private record Attempt(List<SourceUser> users, String reason, Duration retryAfter) {

		static Attempt done(List<SourceUser> users) {
			return new Attempt(users, null, null);
		}

		static Attempt retry(String reason, Duration retryAfter) {
			return new Attempt(null, reason, retryAfter);
		}

	}

}
