package dev.userstream.producer.job;

/** Ends the process; behind an interface so that tests keep their JVM. */
@FunctionalInterface
interface ApplicationExit {

	/**
	 * Closes the application and exits, without blocking the caller.
	 * @param code the process exit code
	 */
	void exit(int code);

}
