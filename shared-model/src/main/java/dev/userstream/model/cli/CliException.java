package dev.userstream.model.cli;

/**
 * Ends a command with an exit code and a message for stderr; thrown instead of calling
 * {@code System.exit} so the CLI can be tested in-process.
 */
final class CliException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	static final int BAD_INPUT = 1;

	static final int USAGE = 2;

	private final int exitCode;

	private final boolean showUsage;

	CliException(int exitCode, String message) {
		this(exitCode, message, false);
	}

	private CliException(int exitCode, String message, boolean showUsage) {
		super(message, null, false, false);
		this.exitCode = exitCode;
		this.showUsage = showUsage;
	}

	/** A command line the tool does not understand: exit 2, followed by the usage. */
	static CliException badUsage(String message) {
		return new CliException(USAGE, message, true);
	}

	int exitCode() {
		return this.exitCode;
	}

	boolean showUsage() {
		return this.showUsage;
	}

}
