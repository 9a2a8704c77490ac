package dev.userstream.producer.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One user of a {@code POST /api/users} request, in plaintext. The constraints are the sink's (the
 * {@code users} table's sizes, no control characters, a UUID id), so that an accepted user is never
 * dead-lettered later; secrets are limited in UTF-8 bytes because their Fernet tokens must fit 512
 * characters. Unknown fields are ignored, as on the wire. {@link #toString()} shows no personal field.
 *
 * @param userId the user's UUID; derived from the other fields when absent
 * @param name full name
 * @param gender gender
 * @param country country
 * @param state state or region
 * @param city city
 * @param email e-mail address (encrypted before publishing)
 * @param dob date of birth
 * @param username login name (encrypted before publishing)
 * @param password password (encrypted before publishing)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "User", description = "A user in plaintext; email, username and password are encrypted before publishing")
record IngestUser(
		@JsonProperty("user_id") @Schema(format = "uuid", description = "derived from the other fields when absent",
				requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = UUID, message = "must be a UUID") String userId,
		@JsonProperty("name") @NotBlank @Size(max = 255) @Pattern(regexp = PRINTABLE, message = CONTROL) String name,
		@JsonProperty("gender") @Size(max = 32) @Pattern(regexp = PRINTABLE, message = CONTROL) String gender,
		@JsonProperty("country") @Size(max = 255) @Pattern(regexp = PRINTABLE, message = CONTROL) String country,
		@JsonProperty("state") @Size(max = 255) @Pattern(regexp = PRINTABLE, message = CONTROL) String state,
		@JsonProperty("city") @Size(max = 255) @Pattern(regexp = PRINTABLE, message = CONTROL) String city,
		@JsonProperty("email") @NotBlank @Email @Utf8Size(max = SECRET_BYTES) String email,
		@JsonProperty("dob") @NotNull @Valid Dob dob,
		@JsonProperty("username") @NotBlank @Utf8Size(max = SECRET_BYTES) String username,
		@JsonProperty("password") @NotEmpty @Utf8Size(max = SECRET_BYTES) String password) {

	static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

	// as the sink checks it: a lone surrogate would reach the table as '?'
	static final String PRINTABLE = "^[^\\p{Cntrl}\\p{Cs}]*$";

	static final String CONTROL = "must not contain control characters or unpaired surrogates";

	/** A Fernet token of 255 bytes is 448 characters; of 320, more than the sink's 512. */
	static final int SECRET_BYTES = 255;

	@Override
	public String toString() {
		return "IngestUser[user_id=" + this.userId + "]";
	}

	/**
	 * Date of birth.
	 *
	 * @param date an ISO date ({@code 1990-04-01}) or instant ({@code 1990-04-01T07:36:45.668Z})
	 * @param age age in years; computed from the date when absent
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Dob(@JsonProperty("date") @Schema(example = "1990-04-01T07:36:45.668Z") @NotNull @BirthDate String date,
			@JsonProperty("age") @Min(0) @Max(200) Integer age) {

		@Override
		public String toString() {
			return "Dob[redacted]";
		}

	}

}
