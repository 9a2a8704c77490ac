package dev.userstream.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code ./run-local.sh} prints: lines stamped with the time since the command started, so that
 * no minute passes silently, and paths as the user best reads them.
 */
final class RunConsole {

	private final PrintStream out;

	private final Path home;

	private final long startedAt;

	/**
	 * @param out where the lines go
	 * @param home the repository, against which paths are shown
	 * @param startedAt when the command started (epoch millis)
	 */
	RunConsole(PrintStream out, Path home, long startedAt) {
		this.out = out;
		this.home = home;
		this.startedAt = startedAt;
	}

	/** A step, stamped with the seconds since the command started. */
	synchronized void phase(String text) {
		this.out.printf(Locale.ROOT, "[%5.1fs] %s%n", secondsSinceStart(), text);
	}

	/** A line as it is. */
	synchronized void println(String line) {
		this.out.println(line);
	}

	/** Seconds since the command started. */
	double secondsSinceStart() {
		return (System.currentTimeMillis() - this.startedAt) / 1000.0;
	}

	/** A path relative to the repository when it is inside. */
	String shown(Path path) {
		return path.startsWith(this.home) ? this.home.relativize(path).toString() : path.toString();
	}

	/** When the command started: the script passes its own start time, so the JVM's start counts too. */
	static long commandStartedAt() {
		String fromScript = System.getenv("LOCAL_RUN_STARTED_AT");
		try {
			return (fromScript != null) ? Long.parseLong(fromScript.trim()) : System.currentTimeMillis();
		}
		catch (NumberFormatException ex) {
			return System.currentTimeMillis();
		}
	}

	/** A failure and its causes in one line. */
	static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder(message(failure));
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			text.append("; ").append(message(cause));
		}
		return text.toString();
	}

	/** The message, or the type of a failure that has none (a time-out, say). */
	private static String message(Throwable failure) {
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
	}

}
