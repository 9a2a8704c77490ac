package dev.userstream.cli;

import java.io.PrintStream;

/**
 * A progress line. On a terminal it is one line redrawn with {@code \r}; elsewhere (a pipe, a log, a
 * Kubernetes job) a plain line per step, since a {@code \r} there only garbles the output. Hand-written:
 * picocli has no progress bar, and a library for one line is not worth its weight.
 */
final class Progress {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final boolean terminal;

	private final String unit;

	private final long total;

	private boolean drawn;

	Progress(PrintStream out, boolean terminal, String unit, long total) {
		this.out = out;
		this.terminal = terminal;
		this.unit = unit;
		this.total = total;
	}

	void update(long done) {
		long percent = (this.total > 0) ? Math.min(100, done * 100 / this.total) : 100;
		if (this.terminal) {
			int filled = (int) (percent * WIDTH / 100);
			this.out.printf("\r[%s%s] %d/%d %s (%d%%)", "#".repeat(filled), " ".repeat(WIDTH - filled), done,
					this.total, this.unit, percent);
			this.drawn = true;
		}
		else {
			this.out.printf("%d/%d %s (%d%%)%n", done, this.total, this.unit, percent);
		}
		this.out.flush();
	}

	void finish() {
		if (this.drawn) {
			this.out.println();
			this.drawn = false;
		}
	}

}
