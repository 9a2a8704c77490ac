package dev.userstream.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 that a test can cut (every open connection reset, new ones refused),
 * black-hole (connections stay open and new ones are accepted, but no byte goes through either way, as
 * when a network drops packets) and restore, to take a real service away from the application under
 * test and bring it back.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	private volatile boolean blackHoled;

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.port = S3MockServer.freePort();
		restore();
	}

	/** The port to connect to instead of the target's. */
	public int port() {
		return this.port;
	}

	/** Resets every connection and refuses new ones until {@link #restore()}. */
	public synchronized void cut() {
		this.blackHoled = false;
		closeQuietly(this.server);
		this.server = null;
		this.sockets.forEach(TcpProxy::closeQuietly);
		this.sockets.clear();
	}

	/**
	 * Drops every byte from now on, both ways, on open and new connections, and closes none: a client
	 * sees no reset and no refusal, only silence, until its own timeouts fire.
	 */
	public synchronized void blackHole() {
		restore();
		this.blackHoled = true;
	}

	/**
	 * Accepts and forwards again. After {@link #blackHole()}, the connections it held are reset first:
	 * bytes were lost on them, as the peers' TCP stacks would find out when the network came back.
	 */
	public synchronized void restore() {
		if (this.blackHoled) {
			// still listening: only the connections that lost bytes go
			this.blackHoled = false;
			this.sockets.forEach(TcpProxy::closeQuietly);
			this.sockets.clear();
		}
		if (this.server != null) {
			return;
		}
		try {
			ServerSocket listening = new ServerSocket();
			listening.setReuseAddress(true);
			listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
			this.server = listening;
			Thread acceptor = new Thread(() -> accept(listening), "tcp-proxy-" + this.port);
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			Socket client = null;
			try {
				client = listening.accept();
				if (this.blackHoled) {
					this.sockets.add(client); // held open, never answered
					continue;
				}
				Socket target = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				pipe(client, target);
				pipe(target, client);
			}
			catch (IOException ex) {
				// closed by cut(), or the target refused (a stopped server): the client sees its
				// connection closed at once rather than waiting for an answer that never comes
				closeQuietly(client);
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n; (n = in.read(buffer)) != -1;) {
					if (!this.blackHoled) {
						out.write(buffer, 0, n);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// connection reset or cut
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// best effort
		}
	}

	@Override
	public void close() {
		cut();
	}

}
