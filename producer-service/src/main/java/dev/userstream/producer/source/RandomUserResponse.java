package dev.userstream.producer.source;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a randomuser.me 1.4 response that the producer reads. Everything else (postcode,
 * which is a number or a string; {@code id.value}, which may be null; pictures...) is ignored, so
 * none of its variations can break parsing.
 *
 * @param results the users, possibly empty or absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RandomUserResponse(List<Result> results) {

	/** The only shape of {@code dob.date} the original consumer can parse. */
	private static final Pattern DOB_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

	List<Result> resultsOrEmpty() {
		return (this.results != null) ? this.results : List.of();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Result(String gender, Name name, Location location, String email, Login login, Dob dob) {

		/** The user, or null when a field the wire record needs is missing or malformed. */
		SourceUser toSourceUser() {
			if (this.name == null || this.location == null || this.login == null || this.dob == null
					|| this.dob.age() == null || this.dob.date() == null || !DOB_DATE.matcher(this.dob.date()).matches()) {
				return null;
			}
			SourceUser user = new SourceUser(this.login.uuid(), this.name.first(), this.name.last(), this.gender,
					this.location.country(), this.location.state(), this.location.city(), this.email, this.dob.date(),
					this.dob.age(), this.login.username(), this.login.password());
			return complete(user) ? user : null;
		}

		private static boolean complete(SourceUser user) {
			return Stream.of(user.userId(), user.firstName(), user.lastName(), user.gender(), user.country(),
					user.state(), user.city(), user.email(), user.username(), user.password())
				.allMatch(Objects::nonNull);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Name(String first, String last) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Location(String city, String state, String country) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Login(String uuid, String username, String password) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Dob(String date, Integer age) {
	}

}
