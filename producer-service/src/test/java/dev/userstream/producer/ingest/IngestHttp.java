package dev.userstream.producer.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** POSTs to a running producer, as a client of {@code /api/users} would. */
final class IngestHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private IngestHttp() {
	}

	/** POSTs {@code body}; {@code token} and {@code contentType} are left out when null. */
	static HttpResponse<String> post(String url, String token, String contentType, String body) {
		return send(request(url, token, contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** POSTs {@code body} chunked, without Content-Length. */
	static HttpResponse<String> postChunked(String url, String token, String contentType, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return send(request(url, token, contentType)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
	}

	static HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
	}

	private static HttpRequest.Builder request(String url, String token, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return request;
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + request.uri(), ex);
		}
	}

}
