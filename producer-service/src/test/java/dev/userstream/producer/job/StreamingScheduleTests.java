package dev.userstream.producer.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class StreamingScheduleTests {

	final FetchAndPublishJob job = mock(FetchAndPublishJob.class);

	final AtomicInteger exitCode = new AtomicInteger(-1);

	StreamingSchedule schedule;

	@AfterEach
	void tearDown() {
		if (this.schedule != null) {
			this.schedule.destroy();
		}
	}

	@Test
	void runsTheJobEveryPauseThenFinishesAndExitsWithZero() {
		given(this.job.finish(any())).willAnswer((call) -> new JobSummary(7, 7, 0, 0, call.getArgument(0)));
		this.schedule = start(Duration.ofMillis(20), Duration.ofMillis(300));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.exitCode.get() != -1);

		assertThat(this.exitCode).hasValue(0);
		var order = inOrder(this.job);
		order.verify(this.job, atLeast(3)).runOnce();
		order.verify(this.job).finish(any());
		verifyNoMoreInteractions(this.job);
	}

	@Test
	void exitsWithOneWhenRecordsWereNeverAcknowledged() {
		given(this.job.finish(any())).willAnswer((call) -> new JobSummary(7, 5, 9, 2, call.getArgument(0)));
		this.schedule = start(Duration.ofMillis(20), Duration.ofMillis(100));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.exitCode.get() != -1);

		assertThat(this.exitCode).hasValue(1);
	}

	@Test
	void countsTheDurationFromTheEndOfTheFirstCycleNotFromStartUp() {
		given(this.job.finish(any())).willAnswer((call) -> new JobSummary(7, 7, 0, 0, call.getArgument(0)));
		willAnswer((call) -> {
			Thread.sleep(1000); // the first cycle connects to the broker
			return null;
		}).willDoNothing().given(this.job).runOnce();
		this.schedule = start(Duration.ofMillis(20), Duration.ofMillis(300));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.exitCode.get() != -1);

		var order = inOrder(this.job);
		order.verify(this.job, atLeast(4)).runOnce();
		order.verify(this.job).finish(any());
	}

	@Test
	void keepsGoingWhenACycleThrows() {
		given(this.job.summary(any())).willAnswer((call) -> new JobSummary(0, 0, 0, 0, call.getArgument(0)));
		willThrow(new IllegalStateException("boom")).given(this.job).runOnce();
		this.schedule = start(Duration.ofMillis(10), Duration.ZERO);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(this.job, atLeast(3)).runOnce());
		assertThat(this.exitCode).hasValue(-1);
	}

	private StreamingSchedule start(Duration pause, Duration duration) {
		StreamingSchedule started = new StreamingSchedule(this.job,
				new ScheduleProperties(10, pause, duration, new ScheduleProperties.Schedule(true)), this.exitCode::set);
		started.start();
		return started;
	}

}
