package dev.userstream.producer.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.producer.publish.PublishResult;
import dev.userstream.producer.publish.UserPublisher;
import dev.userstream.producer.source.SourceUser;
import dev.userstream.producer.source.UserSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class FetchAndPublishJobTests {

	final ScriptedSource source = new ScriptedSource();

	final UserPublisher publisher = mock(UserPublisher.class);

	final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	final FetchAndPublishJob job = new FetchAndPublishJob(this.source,
			new UserRecordMapper((plaintext) -> "enc:" + plaintext, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), this.publisher,
			new ScheduleProperties(3, Duration.ofSeconds(1), Duration.ZERO, new ScheduleProperties.Schedule(false)),
			this.meterRegistry);

	@Test
	void fetchesABatchOfTheConfiguredSizeAndPublishesIt() {
		this.source.batches.add(users("a", "b", "c"));
		given(this.publisher.publish(anyList())).willAnswer((call) -> new PublishResult(3, 0, List.of()));

		this.job.runOnce();

		assertThat(this.source.requested).containsExactly(3);
		verify(this.publisher).publish(anyList());
		assertThat(this.job.summary(Duration.ZERO)).isEqualTo(new JobSummary(3, 3, 0, 0, Duration.ZERO));
		assertThat(this.meterRegistry.get("userstream.fetched").tag("source", "scripted").counter().count()).isEqualTo(3);
		assertThat(this.meterRegistry.get("userstream.fetch.latency").timer().count()).isEqualTo(1);
	}

	@Test
	void publishesUnacknowledgedRecordsAgainBeforeFetchingMore() {
		this.source.batches.add(users("a", "b", "c"));
		List<List<String>> published = new ArrayList<>();
		given(this.publisher.publish(anyList())).willAnswer((call) -> {
			List<UserRecord> records = call.getArgument(0);
			published.add(records.stream().map(UserRecord::userId).toList());
			return (published.size() == 1) ? new PublishResult(1, 2, records.subList(1, 3)) : new PublishResult(2, 0, List.of());
		});

		this.job.runOnce();
		assertThat(this.job.pendingCount()).isEqualTo(2);
		assertThat(this.meterRegistry.get("userstream.publish.pending").gauge().value()).isEqualTo(2);
		this.job.runOnce();

		assertThat(published).containsExactly(List.of("a", "b", "c"), List.of("b", "c"));
		assertThat(this.source.requested).containsExactly(3);
		assertThat(this.job.summary(Duration.ZERO)).isEqualTo(new JobSummary(3, 3, 2, 0, Duration.ZERO));
	}

	@Test
	void keepsRecordsAsLongAsTheBrokerIsAway() {
		this.source.batches.add(users("a", "b"));
		given(this.publisher.publish(anyList())).willAnswer((call) -> new PublishResult(0, 0, call.getArgument(0)));

		for (int i = 0; i < 5; i++) {
			this.job.runOnce();
		}

		assertThat(this.source.requested).containsExactly(3);
		assertThat(this.job.pendingCount()).isEqualTo(2);
	}

	@Test
	void survivesAFailedFetchAndTriesAgainNextTime() {
		this.source.batches.add(null);
		this.source.batches.add(users("a"));
		given(this.publisher.publish(anyList())).willAnswer((call) -> new PublishResult(1, 0, List.of()));

		this.job.runOnce();
		verify(this.publisher, never()).publish(anyList());
		this.job.runOnce();

		assertThat(this.job.summary(Duration.ZERO).published()).isEqualTo(1);
	}

	@Test
	void publishesNothingForAnEmptyBatch() {
		this.source.batches.add(List.of());

		this.job.runOnce();

		verify(this.publisher, never()).publish(anyList());
	}

	@Test
	void finishGivesPendingRecordsALastTryAndFlushes() {
		this.source.batches.add(users("a", "b"));
		given(this.publisher.publish(anyList())).willAnswer((call) -> new PublishResult(0, 2, call.getArgument(0)))
			.willAnswer((call) -> new PublishResult(2, 0, List.of()));

		this.job.runOnce();
		JobSummary summary = this.job.finish(Duration.ofSeconds(3));

		verify(this.publisher).flush();
		assertThat(summary).isEqualTo(new JobSummary(2, 2, 2, 0, Duration.ofSeconds(3)));
		assertThat(summary.describe()).isEqualTo("published 2, failed 2, in 3.0 s (fetched 2)");
	}

	private static List<SourceUser> users(String... ids) {
		return Arrays.stream(ids)
			.map((id) -> new SourceUser(id, "First", "Last", "female", "Peru", "Lima", "Lima", id + "@example.com",
					"2000-01-01T00:00:00.000Z", 26, "user" + id, "pw"))
			.toList();
	}

	/** Returns the queued batches in turn; a null batch (or none left) stands for a failed fetch. */
	static final class ScriptedSource implements UserSource {

		final Deque<List<SourceUser>> batches = new LinkedList<>();

		final List<Integer> requested = new ArrayList<>();

		@Override
		public String name() {
			return "scripted";
		}

		@Override
		public List<SourceUser> fetch(int count) {
			this.requested.add(count);
			List<SourceUser> batch = this.batches.poll();
			if (batch == null) {
				throw new IllegalStateException("no batch");
			}
			return batch;
		}

	}

}
