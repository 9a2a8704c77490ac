package dev.userstream.producer.job;

import java.time.Duration;
import java.util.Locale;

/**
 * Totals of a run.
 *
 * @param fetched users the source returned
 * @param published records the broker acknowledged
 * @param failed sends that were not acknowledged (their records were kept and sent again)
 * @param unacknowledged records fetched but still not acknowledged
 * @param elapsed how long the run took
 * @param dropped records that could never be sent (too large, not serializable), so never acknowledged
 */
record JobSummary(long fetched, long published, long failed, int unacknowledged, Duration elapsed, long dropped) {

	JobSummary(long fetched, long published, long failed, int unacknowledged, Duration elapsed) {
		this(fetched, published, failed, unacknowledged, elapsed, 0);
	}

	/** Whether every fetched record was acknowledged. */
	boolean complete() {
		return this.unacknowledged == 0 && this.dropped == 0;
	}

	/** The closing log line: {@code published N, failed M, in T}, and what was left over if anything. */
	String describe() {
		String line = String.format(Locale.ROOT, "published %d, failed %d, in %.1f s (fetched %d", this.published,
				this.failed, this.elapsed.toMillis() / 1000.0, this.fetched);
		return line + ((this.unacknowledged > 0) ? ", " + this.unacknowledged + " never acknowledged" : "")
				+ ((this.dropped > 0) ? ", " + this.dropped + " dropped as unsendable" : "") + ")";
	}

}
