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
 */
record JobSummary(long fetched, long published, long failed, int unacknowledged, Duration elapsed) {

	/** The closing log line: {@code published N, failed M, in T}, and what was left over if anything. */
	String describe() {
		String line = String.format(Locale.ROOT, "published %d, failed %d, in %.1f s (fetched %d", this.published,
				this.failed, this.elapsed.toMillis() / 1000.0, this.fetched);
		return line + ((this.unacknowledged > 0) ? ", " + this.unacknowledged + " never acknowledged)" : ")");
	}

}
