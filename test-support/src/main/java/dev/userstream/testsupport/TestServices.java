package dev.userstream.testsupport;

import java.time.Duration;

/**
 * Which column of docs/testing.md this run uses: the embedded services (default, needs only a JDK)
 * or Testcontainers ({@code ./mvnw verify -Pcontainers}, needs Docker). The Maven build passes the
 * choice as the system property {@value #PROPERTY}.
 */
public final class TestServices {

	/** System property (and Spring property) that selects the services: {@code embedded} or {@code containers}. */
	public static final String PROPERTY = "userstream.test.services";

	public static final String EMBEDDED = "embedded";

	public static final String CONTAINERS = "containers";

	/**
	 * How long a container may take to say it is ready. Testcontainers' default is 60 s; a Kafka or
	 * MySQL container on a busy two-core machine took longer than that to start (the JVM, the storage
	 * format, the init scripts), and a test that fails only because the machine is busy proves nothing.
	 */
	public static final Duration CONTAINER_STARTUP_TIMEOUT = Duration.ofMinutes(4);

	private TestServices() {
	}

	/** Whether this run uses Testcontainers. */
	public static boolean containers() {
		String value = System.getProperty(PROPERTY, EMBEDDED);
		if (!value.equals(EMBEDDED) && !value.equals(CONTAINERS)) {
			throw new IllegalStateException(PROPERTY + " must be '" + EMBEDDED + "' or '" + CONTAINERS + "', was '" + value + "'");
		}
		return value.equals(CONTAINERS);
	}

}
