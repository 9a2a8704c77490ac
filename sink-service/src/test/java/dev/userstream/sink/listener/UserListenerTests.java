package dev.userstream.sink.listener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.sink.health.PipelineHealthIndicator;
import dev.userstream.sink.writer.BufferingWriter;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.KafkaPosition;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.sink.writer.UserWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class UserListenerTests {

	private final RecordTriage triage = mock(RecordTriage.class);

	private final DeadLetters deadLetters = mock(DeadLetters.class);

	@Test
	void aStoreRefusingABatchGetsItsUsersOneByOneAndOnlyTheRecordsItStillRefusesAreDeadLettered() {
		List<ConsumerRecord<String, UserMessage>> records = new ArrayList<>();
		Map<IncomingUser, ConsumerRecord<String, UserMessage>> sources = new IdentityHashMap<>();
		List<IncomingUser> users = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			UserRecord user = TestUsers.user(i);
			ConsumerRecord<String, UserMessage> record = new ConsumerRecord<>("t", 0, i, user.userId(),
					new UserMessage(user, TestUsers.json(user)));
			IncomingUser incoming = IncomingUser.from(user, null, new KafkaPosition("t", 0, i, Instant.now()));
			records.add(record);
			users.add(incoming);
			sources.put(incoming, record);
		}
		given(this.triage.triage(any())).willReturn(
				new RecordTriage.Triage(users, List.of(), Map.of(new TopicPartition("t", 0), 0L), sources));
		// users.get(0): a duplicate key once (another thread stored it meanwhile); users.get(1): refused for good
		ScriptedStore store = new ScriptedStore(users.get(0), users.get(1));
		UserListener listener = new UserListener(List.of(store), this.triage, this.deadLetters,
				new SinkMetrics(new SimpleMeterRegistry()), new PipelineHealthIndicator(), noBufferingWriter());

		listener.onBatch(records, mock(Consumer.class));

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<RecordTriage.Rejected>> published = ArgumentCaptor.forClass(List.class);
		verify(this.deadLetters).publish(published.capture());
		assertThat(published.getValue()).singleElement().satisfies((rejected) -> {
			assertThat(rejected.record()).isSameAs(records.get(1));
			assertThat(rejected.cause().reason()).isEqualTo("store_rejected");
		});
		assertThat(store.stored).containsExactlyInAnyOrder(users.get(0), users.get(2));
	}

	@SuppressWarnings("unchecked")
	private static BufferedOffsetCommits noBufferingWriter() {
		ObjectProvider<BufferingWriter> none = mock(ObjectProvider.class);
		return new BufferedOffsetCommits(none, new PipelineHealthIndicator());
	}

	/** Refuses any batch of more than one user, {@code racing} once, {@code refused} always. */
	private static final class ScriptedStore implements UserWriter {

		private final IncomingUser racing;

		private final IncomingUser refused;

		private boolean raced;

		final List<IncomingUser> stored = new ArrayList<>();

		ScriptedStore(IncomingUser racing, IncomingUser refused) {
			this.racing = racing;
			this.refused = refused;
		}

		@Override
		public String name() {
			return "scripted";
		}

		@Override
		public void write(UserBatch batch) {
			if (batch.users().size() > 1) {
				throw new IllegalArgumentException("refused");
			}
			IncomingUser user = batch.users().get(0);
			if (user == this.refused || (user == this.racing && !this.raced)) {
				this.raced |= (user == this.racing);
				throw new IllegalArgumentException("refused");
			}
			this.stored.add(user);
		}

		@Override
		public boolean refusesData(RuntimeException failure) {
			return failure instanceof IllegalArgumentException;
		}

	}

}
