package dev.userstream.sink.writer.jpa;

import java.time.Instant;
import java.time.LocalDate;

import dev.userstream.sink.writer.IncomingUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.DialectOverride;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLInsert;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.jdbc.Expectation;
import org.hibernate.type.SqlTypes;

import org.springframework.data.domain.Persistable;

/**
 * A row of {@code users}. Mapped by {@code user_id} (assigned, unique) rather than the surrogate
 * {@code id}: Hibernate cannot batch inserts of {@code IDENTITY} ids, and {@code user_id} is what
 * makes writes idempotent. The database fills {@code id}. Always new when persisted: its insert is an
 * upsert guarded by the version order ({@link UserUpsert}), so no merge (and no select per row) happens.
 * The upsert's row count says nothing useful (MySQL counts an update twice, an unchanged row not at all),
 * so Hibernate does not check it.
 */
@Entity
@Table(name = "users")
@SQLInsert(sql = UserUpsert.MYSQL, verify = Expectation.None.class)
@DialectOverride.SQLInsert(dialect = PostgreSQLDialect.class,
		override = @SQLInsert(sql = UserUpsert.POSTGRESQL, verify = Expectation.None.class))
class UserEntity implements Persistable<String> {

	@Id
	@Column(name = "user_id", length = 36)
	@JdbcTypeCode(SqlTypes.CHAR)
	private String userId;

	private String name;

	private String gender;

	private String country;

	private String state;

	private String city;

	private String email;

	@Column(name = "dob_date")
	private LocalDate dobDate;

	@Column(name = "dob_age")
	private Integer dobAge;

	private String username;

	private String password;

	private String source;

	@Column(name = "produced_at")
	private Instant producedAt;

	@Column(name = "ingested_at")
	private Instant ingestedAt;

	@Column(name = "kafka_partition")
	private Integer kafkaPartition;

	@Column(name = "kafka_offset")
	private Long kafkaOffset;

	@Transient
	private boolean isNew = true;

	protected UserEntity() {
	}

	UserEntity(IncomingUser user, Instant ingestedAt) {
		this.userId = user.userId();
		this.name = user.name();
		this.gender = user.gender();
		this.country = user.country();
		this.state = user.state();
		this.city = user.city();
		this.email = user.email();
		this.dobDate = user.dobLocalDate();
		this.dobAge = user.dobAge();
		this.username = user.username();
		this.password = user.password();
		this.source = user.source();
		this.producedAt = user.producedAt();
		this.ingestedAt = ingestedAt;
		this.kafkaPartition = user.position().partition();
		this.kafkaOffset = user.position().offset();
	}

	@Override
	public String getId() {
		return this.userId;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@Override
	public String toString() {
		return "UserEntity[userId=" + this.userId + "]";
	}

}
