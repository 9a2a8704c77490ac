package dev.userstream.local;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.userstream.local.LocalRunOptions.Store;
import dev.userstream.model.Topics;
import dev.userstream.testsupport.ChildProcess;
import org.apache.kafka.common.errors.RetriableException;

/** One line a second: produced, written, dead-lettered, rate, lag; and when the first user was stored. */
final class Progress {

	private final PipelineProbe probe;

	private final SinkActuator actuator;

	private final Set<Store> sinks;

	private final RunConsole console;

	private long lastProduced;

	private long firstProducedAt;

	private long lastLag = -1;

	private boolean firstStored;

	Progress(PipelineProbe probe, SinkActuator actuator, Set<Store> sinks, RunConsole console) {
		this.probe = probe;
		this.actuator = actuator;
		this.sinks = sinks;
		this.console = console;
	}

	/** Prints the line of this second; fails when the sink has stopped. */
	void report(ChildProcess sink) throws Exception {
		if (!sink.isAlive()) {
			throw new IllegalStateException("sink-service stopped with exit " + sink.exitValue().orElse(-1)
					+ "; see " + this.console.shown(sink.log()));
		}
		long produced;
		long deadLettered;
		try {
			produced = this.probe.records(Topics.USERS);
			deadLettered = this.probe.records(Topics.deadLetter(Topics.USERS));
			this.lastLag = this.probe.lag(ServiceSettings.SINK_GROUP, Topics.USERS);
		}
		catch (TimeoutException | ExecutionException ex) {
			if (ex instanceof ExecutionException && !(ex.getCause() instanceof RetriableException)) {
				throw ex;
			}
			// a busy machine answers late; the next second asks again, the deadlines stay the caller's
			this.console.phase("the broker did not answer the progress probe in time; asking again");
			return;
		}
		Map<String, Long> written = this.actuator.written();
		if (!this.firstStored && written.values().stream().anyMatch((n) -> n > 0)) {
			this.firstStored = true;
			this.console.println(String.format(Locale.ROOT, "first user stored %.1f s after the command started",
					this.console.secondsSinceStart()));
		}
		String writtenText = (this.sinks.size() == 1) ? String.valueOf(written.values().stream().mapToLong(Long::longValue).sum())
				: this.sinks.stream().map((store) -> store.profile() + ":" + written.getOrDefault(store.profile(), 0L))
					.collect(Collectors.joining(","));
		this.console.phase(String.format(Locale.ROOT, "produced=%d written=%s dead_lettered=%d rate=%d/s lag=%d", produced,
				writtenText, deadLettered, produced - this.lastProduced, this.lastLag));
		if (this.firstProducedAt == 0 && produced > 0) {
			this.firstProducedAt = System.currentTimeMillis();
		}
		this.lastProduced = produced;
	}

	/** When the first record was seen on the topic (epoch millis), 0 before. */
	long firstProducedAt() {
		return this.firstProducedAt;
	}

	/** The sink's lag at the last report; -1 before the first. */
	long lag() {
		return this.lastLag;
	}

}
