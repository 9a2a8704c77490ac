package dev.userstream.producer.ingest;

import java.util.List;

/** A request whose body is not a valid array of users: 400, with every failing field. */
class InvalidUsersException extends RuntimeException {

	private final List<FieldError> errors;

	InvalidUsersException(List<FieldError> errors) {
		super(errors.size() + " invalid field(s)");
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return this.errors;
	}

}
