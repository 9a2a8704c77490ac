package dev.userstream.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sink's actuator: its readiness, and its own counters of users written per writer (for the
 * progress line only; the summary counts what is really stored).
 */
final class SinkActuator {

	private static final Pattern WRITTEN = Pattern.compile("^userstream_written_total\\{[^}]*writer=\"([^\"]+)\"[^}]*} ([0-9.Ee+]+)$",
			Pattern.MULTILINE);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final URI prometheus;

	private final URI readiness;

	SinkActuator(int managementPort) {
		this.prometheus = URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus");
		this.readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
	}

	/** Whether the sink reports itself ready: started, broker and stores reachable. */
	boolean ready() {
		try {
			return get(this.readiness).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Users written per writer; empty while the sink is not up yet or has written nothing. */
	Map<String, Long> written() {
		Map<String, Long> written = new TreeMap<>();
		try {
			HttpResponse<String> response = get(this.prometheus);
			if (response.statusCode() == 200) {
				Matcher matcher = WRITTEN.matcher(response.body());
				while (matcher.find()) {
					written.merge(matcher.group(1), (long) Double.parseDouble(matcher.group(2)), Long::sum);
				}
			}
		}
		catch (IOException ex) {
			// not up yet, or going down: nothing to show
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return written;
	}

}
