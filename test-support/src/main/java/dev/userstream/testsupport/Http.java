package dev.userstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs for tests that look at a running service from outside (actuator probes, metrics). */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Http() {
	}

	/**
	 * The response to a GET.
	 *
	 * @param status HTTP status
	 * @param body response body as text
	 */
	public record Response(int status, String body) {
	}

	/**
	 * How long a GET may take. Generous: on a loaded 2-core CI machine a service can stall for many seconds
	 * (seen: 16 s without a log line from a producer under test), and these tests check what a probe says,
	 * not how fast; how long a health check may take is bounded and tested where it is made
	 * ({@code DatabaseHealthIntegrationTests}, the Kafka probe's timeout).
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** GETs {@code url}, failing the test on I/O errors. */
	public static Response get(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("GET " + url + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during GET " + url, ex);
		}
	}

}
