package dev.userstream.producer.source;

/** The values of {@code producer.source}. */
enum SourceType {

	/** The randomuser.me API (1.4). */
	RANDOMUSER,

	/** The offline generator. */
	SYNTHETIC

}
