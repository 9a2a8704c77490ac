package dev.userstream.producer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port standing in for randomuser.me: it answers each request
 * with the next scripted response, or with the fixture once the script is done, and remembers the
 * request URIs. A "hang" response holds the request until {@link #close()}, for read timeouts.
 */
public final class LocalRandomUserServer implements AutoCloseable {

	private final HttpServer server;

	private final Queue<Response> script = new ConcurrentLinkedQueue<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private LocalRandomUserServer(HttpServer server) {
		this.server = server;
		server.setExecutor(this.executor);
	}

	/** Starts a server that serves {@link Fixtures#randomUserTwoUsers()} unless told otherwise. */
	public static LocalRandomUserServer start() {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			LocalRandomUserServer server = new LocalRandomUserServer(http);
			http.createContext("/", server::handle);
			http.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base URL to give as {@code producer.randomuser.base-url}. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Queues a response for the next request. */
	public LocalRandomUserServer then(int status, Map<String, String> headers, String body) {
		this.script.add(new Response(status, headers, body, false));
		return this;
	}

	/** Queues a request that gets no answer until the server closes. */
	public LocalRandomUserServer thenHang() {
		this.script.add(new Response(0, Map.of(), "", true));
		return this;
	}

	/** The path and query of every request so far. */
	public List<String> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requests.add(exchange.getRequestURI().toString());
		Response response = this.script.poll();
		if (response == null) {
			response = new Response(200, Map.of(), Fixtures.randomUserTwoUsers(), false);
		}
		if (response.hang()) {
			awaitClose();
			exchange.close();
			return;
		}
		byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		response.headers().forEach(exchange.getResponseHeaders()::add);
		exchange.sendResponseHeaders(response.status(), (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void awaitClose() {
		try {
			this.closing.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Response(int status, Map<String, String> headers, String body, boolean hang) {
	}

}
