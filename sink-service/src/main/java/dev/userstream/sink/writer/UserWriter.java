package dev.userstream.sink.writer;

/**
 * Stores users durably and idempotently: when {@link #write} returns, every user of the batch is
 * stored (committed), and writing the same users again leaves one copy of each. Any exception means
 * the batch may be partly stored and will be written again.
 */
public interface UserWriter {

	/** Short name for metrics and logs, e.g. {@code jpa}. */
	String name();

	/** Stores the batch; returns only when it is durable. */
	void write(UserBatch batch);

}
