package dev.userstream.producer.job;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.producer.crypto.FieldEncryptor;
import dev.userstream.producer.source.SourceUser;

import org.springframework.stereotype.Component;

/**
 * Maps source users to wire records (docs/architecture.md, "The wire contract"): {@code user_id} from the source,
 * {@code name} = first + " " + last (see {@link SourceUser#fullName()}), {@code dob} as the source sent it, {@code email},
 * {@code username} and {@code password} encrypted, {@code produced_at} now to the millisecond.
 */
@Component
public class UserRecordMapper {

	private final FieldEncryptor encryptor;

	private final Clock clock;

	UserRecordMapper(FieldEncryptor encryptor, Clock clock) {
		this.encryptor = encryptor;
		this.clock = clock;
	}

	/**
	 * Maps and encrypts users, all with the same {@code produced_at}.
	 * @param users the users in plaintext
	 * @param source what the records' {@code source} says: randomuser, synthetic or http
	 * @return the wire records, in the order of the users
	 */
	public List<UserRecord> map(List<SourceUser> users, String source) {
		Instant producedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<UserRecord> records = new ArrayList<>(users.size());
		for (SourceUser user : users) {
			records.add(map(user, source, producedAt));
		}
		return records;
	}

	private UserRecord map(SourceUser user, String source, Instant producedAt) {
		return new UserRecord(user.userId(), user.fullName(), user.gender(), user.country(),
				user.state(), user.city(), this.encryptor.encrypt(user.email()),
				new UserRecord.Dob(user.dobDate(), user.age()), this.encryptor.encrypt(user.username()),
				this.encryptor.encrypt(user.password()), source, producedAt, UserRecord.CURRENT_SCHEMA_VERSION);
	}

}
