package dev.userstream.benchmarks;

import java.util.Locale;

/**
 * What to run: {@code --records 200000 --sink jpa|s3|all --repeat 3 --e2e-seconds 20 --report-dir target/bench-report}.
 *
 * @param records records per repeat for the database writers, the jpa sink, its peer, the S3 batch layout and the
 * producer; the steady window is the last 80 % of them
 * @param sink which sinks to measure
 * @param repeat repeats of every figure (median and range are reported)
 * @param e2eSeconds length of each of the end-to-end windows
 * @param reportDirectory where the report ({@code report.md}) and its chart go, besides stdout
 */
record BenchmarkOptions(int records, String sink, int repeat, int e2eSeconds, String reportDirectory) {

	static final String DEFAULT_REPORT_DIRECTORY = "target/bench-report";

	BenchmarkOptions {
		if (records < 100 || repeat < 1 || e2eSeconds < 1 || !(sink.equals("jpa") || sink.equals("s3") || sink.equals("all"))) {
			throw new IllegalArgumentException("usage: bench.sh [--records N (>= 100)] [--sink jpa|s3|all] [--repeat N] "
					+ "[--e2e-seconds N] [--report-dir DIR]");
		}
	}

	BenchmarkOptions(int records, String sink, int repeat, int e2eSeconds) {
		this(records, sink, repeat, e2eSeconds, DEFAULT_REPORT_DIRECTORY);
	}

	static BenchmarkOptions parse(String... args) {
		int records = 200_000;
		String sink = "all";
		int repeat = 3;
		int e2eSeconds = 20;
		String reportDirectory = DEFAULT_REPORT_DIRECTORY;
		for (int i = 0; i + 1 < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--records" -> records = Integer.parseInt(value);
				case "--sink" -> sink = value.toLowerCase(Locale.ROOT);
				case "--repeat" -> repeat = Integer.parseInt(value);
				case "--e2e-seconds" -> e2eSeconds = Integer.parseInt(value);
				case "--report-dir" -> reportDirectory = value;
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("option " + args[args.length - 1] + " has no value");
		}
		return new BenchmarkOptions(records, sink, repeat, e2eSeconds, reportDirectory);
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
	 * polls of 500, so that the steady window always spans a poll (it came out empty when one poll held them all).
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
