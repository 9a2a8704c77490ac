package dev.userstream.cli;

import java.io.PrintStream;

/** What a rotation did, by row or object. */
final class RotationCounts {

	private final String unit;

	long scanned;

	long rotated;

	long current;

	long failed;

	/** Rows the sink changed between the read and the update: not rotated here, left for the next run. */
	long changedMeanwhile;

	RotationCounts(String unit) {
		this.unit = unit;
	}

	boolean done() {
		return this.failed == 0 && this.changedMeanwhile == 0;
	}

	void print(PrintStream out, boolean dryRun) {
		out.printf("%s scanned %d, %s %d, already under the first key %d, failed %d%s%n", this.unit, this.scanned,
				dryRun ? "would rotate" : "rotated", this.rotated, this.current, this.failed,
				(this.changedMeanwhile > 0) ? ", changed meanwhile " + this.changedMeanwhile + " (run again)" : "");
		if (this.scanned > 0 && this.rotated == 0 && this.failed == 0 && this.changedMeanwhile == 0) {
			out.println("nothing to rotate: every token is under the first key");
		}
		else if (this.failed > 0) {
			out.println("some " + this.unit + " failed (stderr names them): they keep their old tokens; do not drop"
					+ " an old key until they are fixed");
		}
	}

}
