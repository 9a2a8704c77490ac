package dev.userstream.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;
import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.testsupport.KafkaTestClients;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Valid wire records for the sink's tests, encrypted under a key made for the test run. */
public final class TestUsers {

	/** A key generated for this test JVM. */
	public static final String KEY = FernetKey.generate(new SecureRandom()).encoded();

	private static final Fernet FERNET = Fernet.fromProperty(KEY, "test key");

	private static final String[] NAMES = { "Bently Martin", "Ömer Özdemir", "Zoë Ð'Ángelo", "李 小龍", "Åsa Nyström" };

	private TestUsers() {
	}

	/** The original producer's key plus this run's key, as a sink configured for both would hold them. */
	public static String keysWithOriginal() {
		return KEY + "," + originalProducerKey();
	}

	/** {@code count} distinct valid users. */
	public static List<UserRecord> users(int count) {
		return IntStream.range(0, count).mapToObj(TestUsers::user).toList();
	}

	/** {@code count} distinct valid users whose {@code source} is {@code source}, to tell a test's rows from others'. */
	public static List<UserRecord> users(int count, String source) {
		return IntStream.range(0, count).mapToObj((i) -> user(i, source)).toList();
	}

	/** {@code count} distinct valid users whose tokens are encrypted under {@code key} instead of this run's key. */
	public static List<UserRecord> usersEncryptedWith(String key, int count, String source) {
		Fernet fernet = Fernet.fromProperty(key, "test key");
		return IntStream.range(0, count).mapToObj((i) -> user(i, source, fernet)).toList();
	}

	/** A valid user with a fresh id. */
	public static UserRecord user(int i) {
		return user(i, "synthetic");
	}

	private static UserRecord user(int i, String source) {
		return user(i, source, FERNET);
	}

	private static UserRecord user(int i, String source, Fernet fernet) {
		return new UserRecord(UUID.randomUUID().toString(), NAMES[i % NAMES.length], (i % 2 == 0) ? "female" : "male",
				"Country " + i, "State " + i, "City " + i, fernet.encrypt("user" + i + "@example.com"),
				new UserRecord.Dob("1988-02-29T12:00:00.000Z", 38), fernet.encrypt("user" + i),
				fernet.encrypt("secret-" + i), source, Instant.now().truncatedTo(ChronoUnit.MILLIS),
				UserRecord.CURRENT_SCHEMA_VERSION);
	}

	/** How many of these user ids have a row in {@code users}. */
	public static int storedCount(JdbcTemplate jdbc, List<String> userIds) {
		String placeholders = String.join(",", userIds.stream().map((id) -> "?").toList());
		return jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE user_id IN (" + placeholders + ")", Integer.class,
				userIds.toArray());
	}

	/**
	 * Makes the sink read the whole topic again, as after a crash before any commit: stops its
	 * listener, moves the group back to the start, restarts it and waits until it caught up.
	 */
	public static void redeliverEverything(KafkaListenerEndpointRegistry listeners, KafkaTestClients clients,
			String group, String topic) {
		MessageListenerContainer container = listeners.getListenerContainer("userstream-sink");
		container.stop();
		clients.rewind(group, topic);
		container.start();
		clients.awaitConsumed(group, topic, Duration.ofSeconds(90));
	}

	/** The record as the producer sends it. */
	public static byte[] json(UserRecord user) {
		return UserRecordJson.write(user).getBytes(StandardCharsets.UTF_8);
	}

	/** Encrypts with this run's key. */
	public static String encrypt(String plaintext) {
		return FERNET.encrypt(plaintext);
	}

	/** The three messages the original Python producer sent (no user_id, source, produced_at, schema_version). */
	public static List<String> originalProducerMessages() {
		return resource("/original-producer/messages.jsonl").lines().filter((line) -> !line.isBlank()).toList();
	}

	private static String originalProducerKey() {
		return resource("/original-producer/key.txt").strip();
	}

	private static String resource(String path) {
		try (InputStream in = TestUsers.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
