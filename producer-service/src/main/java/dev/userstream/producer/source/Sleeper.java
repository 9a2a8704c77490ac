package dev.userstream.producer.source;

import java.time.Duration;

/** Waits between attempts; tests replace it so that they need not wait. */
@FunctionalInterface
interface Sleeper {

	/** Sleeps on the calling thread. */
	Sleeper THREAD = (wait) -> Thread.sleep(wait.toMillis());

	void sleep(Duration wait) throws InterruptedException;

}
