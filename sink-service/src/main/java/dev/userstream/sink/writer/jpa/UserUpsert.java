package dev.userstream.sink.writer.jpa;

/**
 * The SQL that stores a version of a user ({@link UserEntity}'s {@code @SQLInsert}): insert it, or, when
 * the user is stored, replace the row only if this version is newer. The guard is in the statement, not
 * only in the writer's lookup before it, because after a rebalance two consumer threads can briefly write
 * the same partition: whichever commits last, the row ends with the newer version.
 * <p>
 * Newer ({@code IncomingUser#isNewerThan}): a later {@code produced_at}; when the two are equal or either
 * is missing, a later Kafka offset ({@code kafka_offset} NULL, a row stored before V2, counts as older).
 * The same record again is not newer, so it changes nothing, {@code ingested_at} included.
 * <p>
 * The parameters are in the order Hibernate binds {@link UserEntity}'s attributes: by attribute name,
 * the id ({@code user_id}) last. Written out in full because annotation values must be constants.
 */
final class UserUpsert {

	private static final String INSERT = "INSERT INTO users (city, country, dob_age, dob_date, email, gender,"
			+ " ingested_at, kafka_offset, kafka_partition, name, password, produced_at, source, state, username,"
			+ " user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/**
	 * MySQL and MariaDB, where an unqualified column in {@code ON DUPLICATE KEY UPDATE} is the row's
	 * current value and {@code VALUES(column)} the one this statement sent.
	 */
	private static final String MYSQL_NEWER = "(VALUES(produced_at) > produced_at OR ((VALUES(produced_at) = produced_at"
			+ " OR VALUES(produced_at) IS NULL OR produced_at IS NULL) AND VALUES(kafka_offset) > COALESCE(kafka_offset, -1)))";

	/**
	 * MySQL assigns left to right, and an assignment sees the columns assigned before it: every column
	 * the guard does not read is assigned first, under the guard; then {@code kafka_offset}, the last one
	 * under the guard (it reads {@code kafka_offset} and {@code produced_at}, both still the stored
	 * version's); then {@code produced_at}, which takes this version's value exactly when the row now
	 * holds this record's position, that is when it was just replaced by it (or already was it, and the
	 * value is the same). {@code VALUES()} rather than the row alias of MySQL 8.0.19+: MariaDB has no alias.
	 */
	static final String MYSQL = INSERT + " ON DUPLICATE KEY UPDATE"
			+ " city = IF(" + MYSQL_NEWER + ", VALUES(city), city),"
			+ " country = IF(" + MYSQL_NEWER + ", VALUES(country), country),"
			+ " dob_age = IF(" + MYSQL_NEWER + ", VALUES(dob_age), dob_age),"
			+ " dob_date = IF(" + MYSQL_NEWER + ", VALUES(dob_date), dob_date),"
			+ " email = IF(" + MYSQL_NEWER + ", VALUES(email), email),"
			+ " gender = IF(" + MYSQL_NEWER + ", VALUES(gender), gender),"
			+ " ingested_at = IF(" + MYSQL_NEWER + ", VALUES(ingested_at), ingested_at),"
			+ " name = IF(" + MYSQL_NEWER + ", VALUES(name), name),"
			+ " password = IF(" + MYSQL_NEWER + ", VALUES(password), password),"
			+ " source = IF(" + MYSQL_NEWER + ", VALUES(source), source),"
			+ " state = IF(" + MYSQL_NEWER + ", VALUES(state), state),"
			+ " username = IF(" + MYSQL_NEWER + ", VALUES(username), username),"
			+ " kafka_partition = IF(" + MYSQL_NEWER + ", VALUES(kafka_partition), kafka_partition),"
			+ " kafka_offset = IF(" + MYSQL_NEWER + ", VALUES(kafka_offset), kafka_offset),"
			+ " produced_at = IF(kafka_offset <=> VALUES(kafka_offset) AND kafka_partition <=> VALUES(kafka_partition),"
			+ " VALUES(produced_at), produced_at)";

	/** PostgreSQL evaluates every assignment and the {@code WHERE} against the stored row. */
	static final String POSTGRESQL = INSERT + " ON CONFLICT (user_id) DO UPDATE SET"
			+ " city = EXCLUDED.city, country = EXCLUDED.country, dob_age = EXCLUDED.dob_age,"
			+ " dob_date = EXCLUDED.dob_date, email = EXCLUDED.email, gender = EXCLUDED.gender,"
			+ " ingested_at = EXCLUDED.ingested_at, kafka_offset = EXCLUDED.kafka_offset,"
			+ " kafka_partition = EXCLUDED.kafka_partition, name = EXCLUDED.name, password = EXCLUDED.password,"
			+ " produced_at = EXCLUDED.produced_at, source = EXCLUDED.source, state = EXCLUDED.state,"
			+ " username = EXCLUDED.username"
			+ " WHERE EXCLUDED.produced_at > users.produced_at OR ((EXCLUDED.produced_at = users.produced_at"
			+ " OR EXCLUDED.produced_at IS NULL OR users.produced_at IS NULL)"
			+ " AND EXCLUDED.kafka_offset > COALESCE(users.kafka_offset, -1))";

	private UserUpsert() {
	}

}
