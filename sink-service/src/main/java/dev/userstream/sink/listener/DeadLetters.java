package dev.userstream.sink.listener;

import java.util.List;

import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Publishes rejected records to the dead-letter topic and waits for the broker's acknowledgement, so
 * their offsets are committed only once they are safe there.
 */
@Component
class DeadLetters {

	private final DeadLetterPublishingRecoverer recoverer;

	private final SinkMetrics metrics;

	DeadLetters(DeadLetterPublishingRecoverer recoverer, SinkMetrics metrics) {
		this.recoverer = recoverer;
		this.metrics = metrics;
	}

	void publish(List<RecordTriage.Rejected> rejected) {
		for (RecordTriage.Rejected each : rejected) {
			this.recoverer.accept(each.record(), each.cause());
			this.metrics.deadLettered(each.cause().reason());
		}
	}

}
