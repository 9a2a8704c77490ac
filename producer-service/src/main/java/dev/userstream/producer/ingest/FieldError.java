package dev.userstream.producer.ingest;

/**
 * One failing field of a request, as a 400 problem detail lists it.
 *
 * @param field where: {@code [3].email}, {@code [0].dob.date}, or empty for the whole body
 * @param message what is wrong, never the value
 */
record FieldError(String field, String message) {

	/** The index of the user, -1 for the whole body. */
	int index() {
		return this.field.startsWith("[") ? Integer.parseInt(this.field.substring(1, this.field.indexOf(']'))) : -1;
	}

}
