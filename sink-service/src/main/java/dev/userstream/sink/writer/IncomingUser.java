package dev.userstream.sink.writer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import dev.userstream.model.UserRecord;
import dev.userstream.sink.validation.FernetToken;
import dev.userstream.sink.validation.IsoInstant;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A consumed user as the writers store it, with the constraints that make it storable: the sizes of
 * the {@code users} table, a UUID id (which also keeps S3 keys free of path characters), tokens that
 * are Fernet, a known schema version. {@link #toString()} shows no personal field.
 *
 * @param userId the idempotency key: the record's {@code user_id}, or one derived from its bytes
 * @param name full name
 * @param gender gender
 * @param country country
 * @param state state
 * @param city city
 * @param email Fernet token
 * @param dobDate date of birth as sent (randomuser's ISO shape)
 * @param dobAge age
 * @param username Fernet token
 * @param password Fernet token
 * @param source where the producer got the user, {@code null} for the original producer's records
 * @param producedAt when the producer made the record, {@code null} for the original producer's records
 * @param schemaVersion the contract version (the original producer's records count as 1)
 * @param position where the record was in Kafka
 */
public record IncomingUser(
		@NotNull @Pattern(regexp = UUID, message = "must be a UUID") String userId,
		@NotBlank @Size(max = 255) @Pattern(regexp = PRINTABLE, message = CONTROL) String name,
		@Size(max = 32) @Pattern(regexp = PRINTABLE, message = CONTROL) String gender,
		@Size(max = 255) @Pattern(regexp = PRINTABLE, message = CONTROL) String country,
		@Size(max = 255) @Pattern(regexp = PRINTABLE, message = CONTROL) String state,
		@Size(max = 255) @Pattern(regexp = PRINTABLE, message = CONTROL) String city,
		@NotNull @Size(max = 512) @FernetToken String email,
		@NotNull @IsoInstant String dobDate,
		@Min(0) @Max(200) Integer dobAge,
		@NotNull @Size(max = 512) @FernetToken String username,
		@NotNull @Size(max = 512) @FernetToken String password,
		@Size(max = 32) @Pattern(regexp = PRINTABLE, message = CONTROL) String source,
		Instant producedAt,
		@NotNull @Min(1) @Max(value = UserRecord.CURRENT_SCHEMA_VERSION, message = "is newer than this sink knows") Integer schemaVersion,
		@NotNull KafkaPosition position) {

	static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

	// a lone surrogate (JSON "\\ud800") is no character: drivers would store it as '?', silently altering the text
	static final String PRINTABLE = "^[^\\p{Cntrl}\\p{Cs}]*$";

	static final String CONTROL = "must not contain control characters or unpaired surrogates";

	// MySQL TIMESTAMP and DATE ranges: a value outside would fail in the database on every retry
	private static final Instant TIMESTAMP_MIN = Instant.parse("1970-01-02T00:00:00Z");

	private static final Instant TIMESTAMP_MAX = Instant.parse("2038-01-18T00:00:00Z");

	/**
	 * The user of a consumed record; a record without {@code user_id} gets {@code derivedId}. The id is
	 * lower-cased: one canonical form, so ids equal but for letter case are the same user in every store.
	 */
	public static IncomingUser from(UserRecord record, String derivedId, KafkaPosition position) {
		UserRecord.Dob dob = record.dob();
		String userId = (record.userId() != null) ? record.userId().toLowerCase(Locale.ROOT) : derivedId;
		return new IncomingUser(userId, record.name(),
				record.gender(), record.country(), record.state(), record.city(), record.email(),
				(dob != null) ? dob.date() : null, (dob != null) ? dob.age() : null, record.username(),
				record.password(), record.source(), record.producedAt(),
				(record.schemaVersion() != null) ? record.schemaVersion() : 1, position);
	}

	/** The wire record this user stands for, with its (possibly derived) id. */
	public UserRecord toRecord() {
		return new UserRecord(this.userId, this.name, this.gender, this.country, this.state, this.city, this.email,
				new UserRecord.Dob(this.dobDate, this.dobAge), this.username, this.password, this.source,
				this.producedAt, this.schemaVersion);
	}

	/** The date of birth as a calendar date (UTC), as the original consumer stored it. */
	public LocalDate dobLocalDate() {
		return LocalDate.ofInstant(Instant.parse(this.dobDate), ZoneOffset.UTC);
	}

	/** When the record was made: {@code produced_at}, else the Kafka record's timestamp. */
	public Instant madeAt() {
		return (this.producedAt != null) ? this.producedAt : this.position.timestamp();
	}

	/**
	 * Whether this version of the user is newer than another one: a later {@code produced_at}, or, when
	 * the two are equal or either is missing, a later offset. Offsets compare because the record key is
	 * the user id, so every version of a user is on one partition. The {@code users} table's upsert
	 * guard is the same order in SQL (JpaUserWriter).
	 * @param producedAt the other version's {@code produced_at}, {@code null} when it had none
	 * @param offset the other version's offset, {@code null} when unknown (a row stored before the
	 * table had the column): then this version is newer unless its {@code produced_at} is earlier
	 * @return {@code true} when this version replaces the other
	 */
	public boolean isNewerThan(Instant producedAt, Long offset) {
		if (this.producedAt != null && producedAt != null && !this.producedAt.equals(producedAt)) {
			return this.producedAt.isAfter(producedAt);
		}
		return offset == null || this.position.offset() > offset;
	}

	@AssertTrue(message = "produced_at must be between 1970-01-02 and 2038-01-18")
	boolean isProducedAtStorable() {
		return this.producedAt == null || (this.producedAt.isAfter(TIMESTAMP_MIN) && this.producedAt.isBefore(TIMESTAMP_MAX));
	}

	@AssertTrue(message = "dob.date must be between years 1000 and 9999")
	boolean isDobDateStorable() {
		try {
			int year = dobLocalDate().getYear();
			return year >= 1000 && year <= 9999;
		}
		catch (RuntimeException ex) {
			return true; // reported by @IsoInstant
		}
	}

	@Override
	public String toString() {
		return "IncomingUser[userId=" + this.userId + ", position=" + this.position + "]";
	}

}
