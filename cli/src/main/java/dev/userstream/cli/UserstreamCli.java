package dev.userstream.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code userstream}: the operator's command line, one executable jar ({@code cli/target/userstream.jar}).
 * Exit codes are picocli's: 0 done, 1 failed (a message on stderr), 2 usage.
 * <p>
 * The streams and the environment are fields rather than {@code System.*} so that the tests run the
 * commands in-process with their own keys; {@link #main} is the only place that touches the real ones.
 */
@Command(name = "userstream", mixinStandardHelpOptions = true, versionProvider = UserstreamCli.Version.class,
		description = "The userstream pipeline's operator tool.",
		subcommands = { CommandLine.HelpCommand.class, CryptoCommand.class, DltCommand.class, RotateCommand.class },
		footer = { "", "Secrets (Fernet keys, passwords) come from the environment, never from options:"
				+ " an option's value shows in ps.", "Exit codes: 0 done, 1 failed, 2 usage." })
public final class UserstreamCli implements Runnable {

	@Spec
	CommandSpec spec;

	final InputStream in;

	final PrintStream out;

	final PrintStream err;

	final Map<String, String> env;

	/** Whether progress may redraw one line with {@code \r} (a terminal) or prints plain lines (a pipe, a log). */
	final boolean terminal;

	UserstreamCli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
		this.in = in;
		this.out = out;
		this.err = err;
		this.env = env;
		this.terminal = terminal;
	}

	/**
	 * Runs the command line and exits with its exit code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
				StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		int code = run(args, System.in, out, err, System.getenv(), System.console() != null);
		out.flush();
		System.exit(code);
	}

	static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
			boolean terminal) {
		UserstreamCli cli = new UserstreamCli(in, out, err, env, terminal);
		CommandLine commandLine = new CommandLine(cli);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		// a failure is one line: a stack trace could quote a record, a token or a connection string
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			out.flush();
			line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + describe(ex));
			return line.getCommandSpec().exitCodeOnExecutionException();
		});
		try {
			return commandLine.execute(args);
		}
		finally {
			out.flush();
		}
	}

	private static String describe(Throwable ex) {
		if (ex instanceof CommandException) {
			return ex.getMessage();
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "")
				+ ((root != ex) ? " (cause: " + root.getClass().getSimpleName() + ")" : "");
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "no command given");
	}

	/** A failure the command explains itself: its message is printed alone, exit code 1. */
	static final class CommandException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		CommandException(String message) {
			super(message, null, false, false);
		}

	}

	/** The project's version, from a resource Maven fills in (the repackaged jar's manifest is not the classes'). */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() throws IOException {
			Properties properties = new Properties();
			try (InputStream in = UserstreamCli.class.getResourceAsStream("/userstream-cli-version.properties")) {
				if (in != null) {
					properties.load(in);
				}
			}
			return new String[] { "userstream " + properties.getProperty("version", "unknown") };
		}

	}

}
