package dev.userstream.sink.reliability;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a list of users to a topic in the background, {@code perTick} every 100 ms, so that the sink
 * always has a batch in flight when a fault is injected. {@link #close()} stops it where it is.
 */
final class SteadyStream implements AutoCloseable {

	private final List<UserRecord> users;

	private final AtomicInteger sent = new AtomicInteger();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

	private final KafkaProducer<String, byte[]> producer;

	SteadyStream(KafkaTestClients clients, String topic, List<UserRecord> users, int perTick) {
		this.users = users;
		this.producer = clients.producer();
		this.executor.scheduleAtFixedRate(() -> {
			int from = this.sent.get();
			int to = Math.min(from + perTick, users.size());
			users.subList(from, to)
				.forEach((user) -> this.producer.send(new ProducerRecord<>(topic, user.userId(), TestUsers.json(user))));
			this.producer.flush();
			this.sent.set(to);
		}, 0, 100, TimeUnit.MILLISECONDS);
	}

	/** How many users were sent (and acknowledged) so far. */
	int sent() {
		return this.sent.get();
	}

	/** Whether every user was sent. */
	boolean done() {
		return this.sent.get() == this.users.size();
	}

	@Override
	public void close() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
		this.producer.close();
	}

}
