package dev.userstream.producer.job;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.userstream.model.Fernet;
import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.producer.WireSchema;
import dev.userstream.producer.source.SourceUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** The assertions every end-to-end test makes: what is on the topic is exactly what the source returned. */
final class PublishedRecords {

	private PublishedRecords() {
	}

	/**
	 * One record per source user, keyed by its {@code user_id} and valid under the published schema; the
	 * three secret fields decrypt to the source's values with {@code fernet}; every other field matches.
	 */
	static void assertMatch(List<ConsumerRecord<String, String>> consumed, List<SourceUser> returned, Fernet fernet,
			String source, Instant notBefore) {
		assertThat(returned).isNotEmpty();
		assertThat(consumed).hasSameSizeAs(returned);
		Map<String, SourceUser> byId = returned.stream().collect(Collectors.toMap(SourceUser::userId, Function.identity()));
		assertThat(byId).hasSameSizeAs(returned);
		WireSchema.assertProduced(consumed.stream().map(ConsumerRecord::value).toList());
		for (ConsumerRecord<String, String> consumedRecord : consumed) {
			UserRecord record = UserRecordJson.read(consumedRecord.value());
			assertThat(consumedRecord.key()).isEqualTo(record.userId());
			SourceUser user = byId.remove(record.userId());
			assertThat(user).as("source user %s", record.userId()).isNotNull();
			assertThat(fernet.decryptToString(record.email())).isEqualTo(user.email());
			assertThat(fernet.decryptToString(record.username())).isEqualTo(user.username());
			assertThat(fernet.decryptToString(record.password())).isEqualTo(user.password());
			assertThat(record).usingRecursiveComparison().ignoringFields("email", "username", "password", "producedAt")
				.isEqualTo(new UserRecord(user.userId(), user.firstName() + " " + user.lastName(), user.gender(),
						user.country(), user.state(), user.city(), null, new UserRecord.Dob(user.dobDate(), user.age()), null,
						null, source, null, UserRecord.CURRENT_SCHEMA_VERSION));
			assertThat(record.producedAt()).isBetween(notBefore.truncatedTo(ChronoUnit.MILLIS), Instant.now())
				.isEqualTo(record.producedAt().truncatedTo(ChronoUnit.MILLIS));
		}
		assertThat(byId).as("source users missing from the topic").isEmpty();
	}

}
