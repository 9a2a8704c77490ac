package dev.userstream.producer.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the job every {@code producer.pause-interval} (fixed delay: the pause follows each cycle, as in
 * the original script) once the application is ready. After {@code producer.streaming-duration}
 * (counted from the end of the first cycle) it stops fetching, publishes what is pending, flushes, logs {@code published N, failed M, in T} and
 * exits: 0 when every fetched record was acknowledged, 1 otherwise. One thread runs cycles and the
 * end in turn, so they never overlap.
 */
@Component
@ConditionalOnBooleanProperty(name = "producer.schedule.enabled", matchIfMissing = true)
class StreamingSchedule implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(StreamingSchedule.class);

	private final FetchAndPublishJob job;

	private final ScheduleProperties properties;

	private final ApplicationExit exit;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private ScheduledFuture<?> cycles;

	/** Only touched by the scheduler's one thread. */
	private ScheduledFuture<?> finishing;

	private long startedAt;

	private volatile boolean finished;

	StreamingSchedule(FetchAndPublishJob job, ScheduleProperties properties, ApplicationExit exit) {
		this.job = job;
		this.properties = properties;
		this.exit = exit;
		this.scheduler.setThreadNamePrefix("producer-job-");
		this.scheduler.setAwaitTerminationSeconds(5);
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		this.scheduler.initialize();
		this.startedAt = System.nanoTime();
		this.cycles = this.scheduler.scheduleWithFixedDelay(this::cycle, this.properties.pauseInterval());
		Duration duration = this.properties.streamingDuration();
		logger.info("Fetching {} user(s) every {}, {}", this.properties.batchSize(),
				readable(this.properties.pauseInterval()),
				duration.isZero() ? "until stopped" : "for " + readable(duration));
	}

	private void cycle() {
		try {
			this.job.runOnce();
		}
		catch (RuntimeException ex) {
			logger.error("Fetch-and-publish cycle failed ({}); the next one follows", ex.getClass().getName());
		}
		finally {
			scheduleFinish();
		}
	}

	/**
	 * The streaming duration runs from the end of the first cycle: the first one also connects to the
	 * broker and fetches its metadata, which takes seconds on a busy machine and would otherwise be
	 * taken from the time the producer publishes.
	 */
	private void scheduleFinish() {
		Duration duration = this.properties.streamingDuration();
		if (this.finishing == null && !duration.isZero()) {
			this.finishing = this.scheduler.schedule(this::finish, Instant.now().plus(duration));
		}
	}

	private void finish() {
		this.cycles.cancel(false);
		JobSummary summary = this.job.finish(elapsed());
		this.finished = true;
		logger.info("Streaming duration {} is over: {}", readable(this.properties.streamingDuration()),
				summary.describe());
		this.exit.exit(summary.complete() ? 0 : 1);
	}

	/** SIGTERM or context close: stop the cycles; the producer's close then flushes its buffer. */
	@Override
	public synchronized void destroy() {
		if (this.cycles != null) {
			this.cycles.cancel(true);
		}
		this.scheduler.shutdown();
		if (this.cycles != null && !this.finished) {
			logger.info("Stopped: {}", this.job.summary(elapsed()).describe());
		}
	}

	/** {@code 10s}, {@code 0.1s}, {@code 1h30m}: what a user would have typed. */
	private static String readable(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

	private Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startedAt);
	}

}
