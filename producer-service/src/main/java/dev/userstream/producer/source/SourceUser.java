package dev.userstream.producer.source;

/**
 * One user as a source delivers it, before mapping and encryption. Holds personal data in
 * plaintext, so {@link #toString()} shows the id only.
 *
 * @param userId the user's UUID (randomuser's {@code login.uuid}); becomes the Kafka key
 * @param firstName first name
 * @param lastName last name, {@code null} when the source only knows the whole name (in {@code firstName})
 * @param gender gender as randomuser gives it
 * @param country country
 * @param state state or region
 * @param city city
 * @param email e-mail address
 * @param dobDate date of birth, exactly as randomuser sends it ({@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'})
 * @param age age in years
 * @param username login name
 * @param password password
 */
public record SourceUser(String userId, String firstName, String lastName, String gender, String country,
		String state, String city, String email, String dobDate, int age, String username, String password) {

	/** The name as the wire record carries it: first and last name, or the whole name alone. */
	public String fullName() {
		return (this.lastName != null) ? this.firstName + " " + this.lastName : this.firstName;
	}

	@Override
	public String toString() {
		return "SourceUser[user_id=" + this.userId + "]";
	}

}
