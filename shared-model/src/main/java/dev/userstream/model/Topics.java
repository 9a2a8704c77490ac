package dev.userstream.model;

/**
 * Topic names shared by the producer and the sink.
 */
public final class Topics {

	/** The users topic; the original pipeline's name, so its scripts keep working. */
	public static final String USERS = "users_topic";

	/** spring-kafka's default dead-letter suffix, so its recoverer needs no custom resolver. */
	static final String DEAD_LETTER_SUFFIX = "-dlt";

	private Topics() {
	}

	/**
	 * The dead-letter topic of a topic.
	 * @param topic the source topic
	 * @return {@code topic + "-dlt"}
	 */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
