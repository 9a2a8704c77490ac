package dev.userstream.producer.publish;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.userstream.model.UserRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@ExtendWith(OutputCaptureExtension.class)
class UserPublisherTests {

	final UserRecord alice = record("a1");

	final UserRecord bob = record("b2");

	final UserRecord carol = record("c3");

	@SuppressWarnings("unchecked")
	final KafkaTemplate<String, UserRecord> template = mock(KafkaTemplate.class);

	final TopicReadiness topic = mock(TopicReadiness.class);

	final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	final PublishHealthIndicator health = new PublishHealthIndicator();

	UserPublisher publisher;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void setUp() {
		ProducerFactory<String, UserRecord> factory = mock(ProducerFactory.class);
		given(factory.getConfigurationProperties()).willReturn(Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "1000"));
		given(this.template.getProducerFactory()).willReturn(factory);
		given(this.topic.name()).willReturn("users_topic");
		given(this.topic.ensureReady()).willReturn(true);
		this.publisher = new UserPublisher(this.template, this.topic, this.meterRegistry, this.health);
	}

	@Test
	void sendsEachRecordKeyedByUserIdAndWaitsForItsAcknowledgement() {
		acknowledge(this.alice);
		acknowledge(this.bob);

		PublishResult result = this.publisher.publish(List.of(this.alice, this.bob));

		assertThat(result).isEqualTo(new PublishResult(2, 0, List.of()));
		verify(this.template).send("users_topic", "a1", this.alice);
		verify(this.template).send("users_topic", "b2", this.bob);
		assertThat(this.meterRegistry.get("userstream.published").counter().count()).isEqualTo(2);
	}

	@Test
	void returnsWhatWasNotAcknowledgedAndLogsItsKeyOnly(CapturedOutput output) {
		acknowledge(this.alice);
		CompletableFuture<SendResult<String, UserRecord>> bobsDelivery = new CompletableFuture<>();
		given(this.template.send("users_topic", "b2", this.bob)).willReturn(bobsDelivery);
		given(this.template.send("users_topic", "c3", this.carol)).willAnswer((call) -> {
			bobsDelivery.completeExceptionally(new KafkaProducerException(new ProducerRecord<>("users_topic", "b2", this.bob),
					"Failed to send", new TimeoutException("Expiring 1 record(s)")));
			return CompletableFuture.completedFuture(new SendResult<>(null, null));
		});

		PublishResult result = this.publisher.publish(List.of(this.alice, this.bob, this.carol));

		assertThat(result).isEqualTo(new PublishResult(2, 1, List.of(this.bob)));
		assertThat(this.meterRegistry.get("userstream.publish.failures").counter().count()).isEqualTo(1);
		assertThat(output).contains("Send of user_id b2 to users_topic failed").contains("Expiring 1 record(s)")
			.doesNotContain("Name of b2");
	}

	@Test
	void stopsAtTheFirstRecordTheProducerCouldNotQueue() {
		acknowledge(this.alice);
		fail(this.bob, new TimeoutException("Topic users_topic not present in metadata after 10000 ms."));

		PublishResult result = this.publisher.publish(List.of(this.alice, this.bob, this.carol));

		assertThat(result).isEqualTo(new PublishResult(1, 1, List.of(this.carol, this.bob)));
		verify(this.template, never()).send(anyString(), eq("c3"), any());
	}

	@Test
	void holdsEverythingBackWhileTheTopicIsUnreachable() {
		given(this.topic.ensureReady()).willReturn(false);

		PublishResult result = this.publisher.publish(List.of(this.alice, this.bob));

		assertThat(result).isEqualTo(new PublishResult(0, 0, List.of(this.alice, this.bob)));
		verify(this.template, never()).send(anyString(), anyString(), any());
	}

	@Test
	void dropsARecordTooLargeToEverBeSentAndPublishesTheOthers(CapturedOutput output) {
		acknowledge(this.alice);
		fail(this.bob, new RecordTooLargeException("The message is 2000000 bytes when serialized"));
		acknowledge(this.carol);

		PublishResult result = this.publisher.publish(List.of(this.alice, this.bob, this.carol));

		assertThat(result).isEqualTo(new PublishResult(2, 0, List.of(), 1));
		assertThat(this.meterRegistry.get("userstream.publish.dropped").tag("reason", "too_large").counter().count())
			.isEqualTo(1);
		assertThat(output).contains("Dropped user_id b2").contains("too_large").doesNotContain("Name of b2");
	}

	@Test
	void dropsARecordThatDoesNotSerializeWhateverWrapsTheException(CapturedOutput output) {
		given(this.template.send("users_topic", "a1", this.alice)).willThrow(new KafkaException("Failed to send",
				new SerializationException("Can't serialize Name of a1")));
		fail(this.bob, new KafkaProducerException(new ProducerRecord<>("users_topic", "b2", this.bob), "Failed to send",
				new RecordTooLargeException("too large")));

		PublishResult result = this.publisher.publish(List.of(this.alice, this.bob));

		assertThat(result).isEqualTo(new PublishResult(0, 0, List.of(), 2));
		assertThat(this.meterRegistry.get("userstream.publish.dropped").tag("reason", "not_serializable").counter()
			.count()).isEqualTo(1);
		assertThat(output).contains("Dropped user_id a1").doesNotContain("Name of a1");
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void logsOneWarningPerAttemptAndTurnsReadinessDownUntilEverythingIsAcknowledged(CapturedOutput output) {
		CompletableFuture<SendResult<String, UserRecord>> alicesDelivery = new CompletableFuture<>();
		CompletableFuture<SendResult<String, UserRecord>> bobsDelivery = new CompletableFuture<>();
		given(this.template.send("users_topic", "a1", this.alice)).willReturn(alicesDelivery);
		given(this.template.send("users_topic", "b2", this.bob)).willReturn(bobsDelivery);
		willAnswer((call) -> { // both expire in the producer's buffer, once queued
			alicesDelivery.completeExceptionally(expiry(this.alice));
			bobsDelivery.completeExceptionally(expiry(this.bob));
			return null;
		}).given(this.template).flush();

		PublishResult result = this.publisher.publish(List.of(this.alice, this.bob));

		assertThat(result).isEqualTo(new PublishResult(0, 2, List.of(this.alice, this.bob)));
		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN"))).hasSize(1);
		Health down = this.health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("unacknowledged", 2).containsKey("error");

		acknowledge(this.alice);
		acknowledge(this.bob);
		this.publisher.publish(List.of(this.alice, this.bob));
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void turnsReadinessDownWhileTheTopicIsUnreachable() {
		given(this.topic.ensureReady()).willReturn(false);

		this.publisher.publish(List.of(this.alice));

		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void countsASendThatThrowsAsFailed() {
		given(this.template.send("users_topic", "a1", this.alice)).willThrow(new IllegalStateException("closed"));

		assertThat(this.publisher.publish(List.of(this.alice))).isEqualTo(new PublishResult(0, 1, List.of(this.alice)));
	}

	private static KafkaProducerException expiry(UserRecord record) {
		return new KafkaProducerException(new ProducerRecord<>("users_topic", record.userId(), record), "Failed to send",
				new TimeoutException("Expiring 1 record(s)"));
	}

	private void acknowledge(UserRecord record) {
		given(this.template.send("users_topic", record.userId(), record))
			.willReturn(CompletableFuture.completedFuture(new SendResult<>(null, null)));
	}

	private void fail(UserRecord record, Exception failure) {
		given(this.template.send("users_topic", record.userId(), record)).willReturn(CompletableFuture.failedFuture(failure));
	}

	private static UserRecord record(String id) {
		return new UserRecord(id, "Name of " + id, "female", "Peru", "Lima", "Lima", "e", new UserRecord.Dob("2000-01-01T00:00:00.000Z", 26),
				"u", "p", "synthetic", Instant.parse("2026-11-22T00:00:00Z"), 1);
	}

}
