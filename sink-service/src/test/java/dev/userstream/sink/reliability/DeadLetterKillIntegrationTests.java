package dev.userstream.sink.reliability;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.SinkJar;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SIGKILL between the dead-letter publish and the offset commit ({@link KillAfterDeadLetter} makes
 * it land there every time). After the restart the batch is consumed again: its valid users are
 * stored once (the write is idempotent by id), and its invalid records are dead-lettered again. So
 * dead letters are at-least-once: each bad record is in the dead-letter topic once per attempt that
 * reached the publish, here at most twice (one kill), while the stored rows stay exactly-once.
 */
class DeadLetterKillIntegrationTests {

	static final String TOPIC = "dlt-kill-users";

	static final String GROUP = "dlt-kill-it";

	static final int GOOD = 60;

	static final int BAD = 6;

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	final String source = "dlt-kill-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void deadLettersAgainAfterAKillBeforeTheCommitAndStoresTheGoodRecordsOnce() throws Exception {
		this.clients.createTopic(TOPIC, 1);
		List<UserRecord> users = TestUsers.users(GOOD, this.source);
		List<String> badKeys = IntStream.range(0, BAD).mapToObj((i) -> "bad-" + this.source + "-" + i).toList();
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			for (int i = 0; i < GOOD; i++) { // one bad record every ten good ones, all in the first batch
				UserRecord user = users.get(i);
				producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user)));
				if (i % 10 == 9) {
					producer.send(new ProducerRecord<>(TOPIC, badKeys.get(i / 10), "{not json".getBytes(StandardCharsets.UTF_8)));
				}
			}
		}

		SinkJar hooked = SinkJar.create("jpa", TOPIC, GROUP, EmbeddedDatabase.endpoint(), Map.of(), hookClasses(),
				"--spring.kafka.producer.properties.interceptor.classes=" + KillAfterDeadLetter.class.getName(),
				"--spring.kafka.consumer.properties.session.timeout.ms=10000");
		try (ServiceProcess process = hooked.process().start()) {
			assertThat(process.awaitExit(Duration.ofMinutes(2))).as("killed by the hook (SIGKILL)").isEqualTo(137);
		}
		assertThat(this.clients.recordCount(TOPIC + "-dlt")).as("dead letters published before the kill").isPositive();
		assertThat(this.clients.committedCount(GROUP)).as("the kill landed before the commit").isZero();

		SinkJar restarted = SinkJar.create("jpa", TOPIC, GROUP,
				"--spring.kafka.consumer.properties.session.timeout.ms=10000");
		try (ServiceProcess process = restarted.process().start()) {
			this.clients.awaitConsumed(GROUP, TOPIC, Duration.ofMinutes(2));
		}

		assertThat(StoredUsers.rows(this.source)).as("valid users: exactly once")
			.containsExactlyInAnyOrderElementsOf(users.stream().map(UserRecord::userId).toList());
		Map<String, Long> copies = deadLetterCopies(badKeys);
		assertThat(copies.keySet()).as("every bad record dead-lettered").containsExactlyInAnyOrderElementsOf(badKeys);
		assertThat(copies.values()).as("at least once, at most once per attempt (two attempts)").allMatch((n) -> n >= 1 && n <= 2);
		assertThat(copies.values()).as("the first attempt's dead letter is there again").contains(2L);
	}

	private Map<String, Long> deadLetterCopies(List<String> badKeys) {
		long total = this.clients.recordCount(TOPIC + "-dlt");
		List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>(this.clients.readAll(TOPIC + "-dlt", (int) total,
				Duration.ofSeconds(30)));
		return letters.stream().map(ConsumerRecord::key).filter(badKeys::contains)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	/** A directory with only the hook's class, for the sink's class path (not every test class and resource). */
	private static Path hookClasses() throws IOException, URISyntaxException {
		String file = KillAfterDeadLetter.class.getName().replace('.', '/') + ".class";
		Path testClasses = Path.of(KillAfterDeadLetter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path hooks = Path.of("target", "hooks", "kill-after-dead-letter");
		Path target = hooks.resolve(file);
		Files.createDirectories(target.getParent());
		Files.copy(testClasses.resolve(file), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return hooks;
	}

}
