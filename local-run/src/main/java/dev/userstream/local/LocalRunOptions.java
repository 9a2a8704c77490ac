package dev.userstream.local;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine;

/**
 * The command line of {@code ./run-local.sh}, as {@link LocalRunCommandLine} reads it.
 *
 * @param sinks the stores the sink writes to
 * @param duration how long the producer produces
 * @param rate records per second the producer aims at
 * @param source the producer's source: {@code synthetic} (offline) or {@code randomuser}
 * @param infraOnly start only broker, database and S3 server, and wait
 * @param keep after the summary, keep broker, database and S3 server up until Ctrl-C
 * @param help print the usage and exit
 */
record LocalRunOptions(Set<Store> sinks, Duration duration, int rate, String source, boolean infraOnly,
		boolean keep, boolean help) {

	enum Store {

		JPA, S3;

		String profile() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Reads the command line; a value or an option that cannot be run is a {@link UsageException} whose
	 * message names the option.
	 */
	static LocalRunOptions parse(String... args) {
		CommandLine commandLine = commandLine();
		try {
			commandLine.parseArgs(args);
		}
		catch (CommandLine.ParameterException ex) {
			throw new UsageException(ex.getMessage());
		}
		LocalRunCommandLine arguments = commandLine.getCommand();
		return new LocalRunOptions(sinks(arguments.sink), arguments.duration, arguments.rate, arguments.source.name(),
				arguments.infraOnly, arguments.keep, arguments.help);
	}

	private static Set<Store> sinks(LocalRunCommandLine.Sinks sink) {
		return switch (sink) {
			case jpa -> EnumSet.of(Store.JPA);
			case s3 -> EnumSet.of(Store.S3);
			case both -> EnumSet.of(Store.JPA, Store.S3);
		};
	}

	/** The text of {@code ./run-local.sh --help}. */
	static String usage() {
		return commandLine().getUsageMessage();
	}

	private static CommandLine commandLine() {
		// a repeated option takes its last value, as a shell script's options usually do
		return new CommandLine(new LocalRunCommandLine()).setOverwrittenOptionsAllowed(true);
	}

	/**
	 * The producer's batch size and pause that give {@link #rate()}: about ten fetches a second, at
	 * most 5,000 users a fetch (randomuser.me's limit).
	 */
	ProducerPace pace() {
		int batch = Math.min(5_000, Math.max(1, (int) Math.ceil(this.rate / 10.0)));
		long pauseMillis = Math.round(batch * 1000.0 / this.rate);
		return new ProducerPace(batch, Duration.ofMillis(pauseMillis));
	}

	record ProducerPace(int batchSize, Duration pause) {
	}

	/** A command line that cannot be run; the message says what to change. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
