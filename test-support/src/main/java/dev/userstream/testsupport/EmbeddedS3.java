package dev.userstream.testsupport;

/**
 * One S3Mock server per test JVM, started on first use and stopped when the JVM exits.
 */
public final class EmbeddedS3 {

	private static S3MockServer server;

	private EmbeddedS3() {
	}

	/** The shared server, started. */
	public static synchronized S3MockServer server() {
		if (server == null) {
			S3MockServer started = S3MockServer.onFreePort().start();
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "s3mock-stop"));
			server = started;
		}
		return server;
	}

}
