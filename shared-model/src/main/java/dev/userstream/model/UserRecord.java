package dev.userstream.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One user as it travels on the topic: the wire contract shared by the producer, the sink and the
 * original Python consumers (JSON, UTF-8, Kafka key = {@code user_id}).
 * <p>
 * {@code email}, {@code username} and {@code password} hold Fernet tokens, never plaintext. Records
 * of the original producer lack {@code user_id}, {@code source}, {@code produced_at} and
 * {@code schema_version}; absent fields stay absent when written again (no added nulls). Unknown
 * fields are ignored so that a newer producer does not break an older reader.
 *
 * @param userId randomuser's {@code login.uuid} (or a generated UUID); the Kafka key
 * @param name full name
 * @param gender gender as randomuser gives it
 * @param country country
 * @param state state or region
 * @param city city
 * @param email Fernet token of the e-mail address
 * @param dob date of birth and age
 * @param username Fernet token of the login name
 * @param password Fernet token of the password
 * @param source where the user came from: {@code randomuser}, {@code synthetic} or {@code http} (sent to
 * the producer's {@code POST /api/users})
 * @param producedAt when the producer built the record (written as an ISO-8601 instant)
 * @param schemaVersion version of this contract, {@link #CURRENT_SCHEMA_VERSION} when produced here
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "user_id", "name", "gender", "country", "state", "city", "email", "dob", "username",
		"password", "source", "produced_at", "schema_version" })
public record UserRecord(
		@JsonProperty("user_id") String userId,
		@JsonProperty("name") String name,
		@JsonProperty("gender") String gender,
		@JsonProperty("country") String country,
		@JsonProperty("state") String state,
		@JsonProperty("city") String city,
		@JsonProperty("email") String email,
		@JsonProperty("dob") Dob dob,
		@JsonProperty("username") String username,
		@JsonProperty("password") String password,
		@JsonProperty("source") String source,
		@JsonProperty("produced_at") Instant producedAt,
		@JsonProperty("schema_version") Integer schemaVersion) {

	/** The {@code schema_version} this code writes; a sink dead-letters records with a newer one. */
	public static final int CURRENT_SCHEMA_VERSION = 1;

	/** Only the identifiers: records end up in logs and exception messages, which are not encrypted. */
	@Override
	public String toString() {
		return "UserRecord[user_id=" + this.userId + ", source=" + this.source + ", schema_version="
				+ this.schemaVersion + "]";
	}

	/**
	 * Date of birth as randomuser gives it.
	 *
	 * @param date the exact text randomuser sent, shaped {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}; kept
	 * as a string because the original consumer parses that very shape
	 * @param age age in years
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "date", "age" })
	public record Dob(@JsonProperty("date") String date, @JsonProperty("age") Integer age) {

		/** A birth date is personal data: keep it out of logs. */
		@Override
		public String toString() {
			return "Dob[redacted]";
		}

	}

}
