package dev.userstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * S3Proxy (gaul/s3proxy) with its {@code filesystem} store, run as a child process from its
 * executable jar: a real S3 HTTP server whose cost per request does not grow with the objects it holds
 * (each object is a file of its own), for tests that store tens of thousands of objects, where
 * {@link S3MockServer} slows to a handful of requests a second. It takes any credentials.
 */
public final class S3ProxyServer extends S3ServerProcess {

	private S3ProxyServer(int httpPort, Path storeRoot) {
		super("S3Proxy", httpPort, storeRoot);
	}

	/** A server on a free port with its store (and log) in a new directory under {@code target/s3proxy/}, not started yet. */
	public static S3ProxyServer onFreePort() {
		return new S3ProxyServer(freePort(), newStoreRoot(Path.of("target", "s3proxy")));
	}

	@Override
	public S3ProxyServer start() {
		super.start();
		return this;
	}

	@Override
	protected List<String> command() {
		Path blobs = storeRoot().resolve("blobs");
		Path configuration = storeRoot().resolve("s3proxy.properties");
		try {
			Files.createDirectories(blobs);
			Files.writeString(configuration, String.join("\n", "s3proxy.endpoint=" + endpoint(),
					"s3proxy.authorization=none", "jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + blobs, ""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ChildProcess.java(List.of("-Xmx256m", "-jar", executableJar("s3proxy.jar"), "--properties", configuration.toString()));
	}

}
