package dev.userstream.sink.writer;

/**
 * Stores users durably and idempotently: when {@link #write} returns, every user of the batch is
 * stored (committed), and writing the same users again leaves one copy of each. Any exception means
 * the batch may be partly stored and will be written again, unless {@link #refusesData} says the store
 * refused a record's data: then the listener writes the users one by one to find the records the store
 * can never take, and dead-letters those.
 */
public interface UserWriter {

	/** Short name for metrics and logs, e.g. {@code jpa}. */
	String name();

	/** Stores the batch; returns only when it is durable. */
	void write(UserBatch batch);

	/**
	 * Whether a failure of {@link #write} is the store refusing the data of some record (a value it
	 * cannot hold, a constraint), which no retry can fix, rather than an outage.
	 * @param failure what {@link #write} threw
	 * @return {@code true} for a refusal of data; the default, {@code false}, means an outage
	 */
	default boolean refusesData(RuntimeException failure) {
		return false;
	}

}
