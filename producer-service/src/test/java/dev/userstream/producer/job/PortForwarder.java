package dev.userstream.producer.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards TCP connections from a fixed loopback port to a broker, so that a test can make "the
 * broker at this address" appear after the application started. (The embedded KRaft broker ignores
 * fixed ports.) Kafka clients only bootstrap through it, then follow the broker's advertised address.
 */
final class PortForwarder implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private PortForwarder(ServerSocket server, InetSocketAddress target) {
		this.server = server;
		this.target = target;
	}

	/** Listens on {@code port} and forwards every connection to {@code host:port} of {@code target}. */
	static PortForwarder start(int port, String target) {
		String[] hostAndPort = target.split(",")[0].split(":");
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			PortForwarder forwarder = new PortForwarder(server,
					new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])));
			daemon("forwarder-accept", forwarder::accept);
			return forwarder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(this.target.getHostString(), this.target.getPort());
				this.sockets.addAll(List.of(client, upstream));
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException ex) {
				// closed, or the target refused: the client sees its connection drop
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		daemon("forwarder-pipe", () -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		this.sockets.forEach(PortForwarder::closeQuietly);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing anyway
		}
	}

}
