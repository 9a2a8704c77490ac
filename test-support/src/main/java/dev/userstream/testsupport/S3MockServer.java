package dev.userstream.testsupport;

import java.nio.file.Path;
import java.util.List;

/**
 * Adobe S3Mock's executable jar run as a child process: a real S3 HTTP server with its own class
 * path (in-process it would pick up our S3 auto-configuration). It keeps its port and its files
 * across {@link #stop()} and {@link #start()}, so tests can take S3 away and bring it back.
 * <p>
 * S3Mock reads and rewrites a bucket's whole key index on every request, so it slows down with every
 * object it holds (hundreds of objects a second at first, a handful at 20,000): tests that store tens of
 * thousands of objects use {@link S3ProxyServer}.
 */
public final class S3MockServer extends S3ServerProcess {

	private S3MockServer(int httpPort, Path storeRoot) {
		super("S3Mock", httpPort, storeRoot);
	}

	/** A server on a free port with its store under {@code target/s3mock/}, not started yet. */
	public static S3MockServer onFreePort() {
		return onFreePort(Path.of("target", "s3mock"));
	}

	/** A server on a free port with its store (and log) in a new directory under {@code parent}, not started yet. */
	public static S3MockServer onFreePort(Path parent) {
		return new S3MockServer(freePort(), newStoreRoot(parent));
	}

	@Override
	public S3MockServer start() {
		super.start();
		return this;
	}

	@Override
	protected List<String> command() {
		return ChildProcess.java(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", executableJar("s3mock.jar"),
				"--http.port=" + httpPort(), "--server.port=" + freePort(),
				"--com.adobe.testing.s3mock.store.root=" + storeRoot(),
				"--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN"));
	}

}
