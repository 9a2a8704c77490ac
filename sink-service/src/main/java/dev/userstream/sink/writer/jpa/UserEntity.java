package dev.userstream.sink.writer.jpa;

import java.time.Instant;
import java.time.LocalDate;

import dev.userstream.sink.writer.IncomingUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.springframework.data.domain.Persistable;

/**
 * A row of {@code users}. Mapped by {@code user_id} (assigned, unique) rather than the surrogate
 * {@code id}: Hibernate cannot batch inserts of {@code IDENTITY} ids, and {@code user_id} is what
 * makes writes idempotent. The database fills {@code id}. Always new when persisted: the writer skips
 * users already stored, so no merge (and no select per row) happens.
 */
@Entity
@Table(name = "users")
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
