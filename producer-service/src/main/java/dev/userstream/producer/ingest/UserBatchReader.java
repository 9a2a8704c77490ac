package dev.userstream.producer.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.userstream.model.UserRecordJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a request body into users and checks them, reporting every failing field at once with its
 * path ({@code [3].email}) and a message that never quotes the value: a rejected password must not
 * come back in a response or a log. The body is read as a tree first (its size is already bounded),
 * so that one malformed user does not hide the errors of the others.
 */
@Component
class UserBatchReader {

	private final JsonMapper jsonMapper;

	private final Validator validator;

	UserBatchReader(JsonMapper jsonMapper, Validator validator) {
		this.jsonMapper = jsonMapper;
		this.validator = validator;
	}

	/**
	 * The users of a request body.
	 * @throws InvalidUsersException when the body is not a JSON array of 1 or more valid users
	 * @throws RequestTooLargeException when it holds more than {@link IngestProperties#MAX_USERS}
	 */
	List<IngestUser> read(byte[] body) {
		JsonNode root;
		try {
			root = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidUsersException(List.of(new FieldError("", "is not valid JSON")));
		}
		if (root == null || !root.isArray() || root.isEmpty()) {
			throw new InvalidUsersException(List.of(new FieldError("", "must be a JSON array of 1 to "
					+ IngestProperties.MAX_USERS + " users")));
		}
		if (root.size() > IngestProperties.MAX_USERS) {
			throw new RequestTooLargeException(root.size() + " users in one request, at most " + IngestProperties.MAX_USERS);
		}
		return bindAll(root);
	}

	private List<IngestUser> bindAll(JsonNode array) {
		List<IngestUser> users = new ArrayList<>(array.size());
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			String prefix = "[" + i + "]";
			IngestUser user = bind(array.get(i), prefix, errors);
			if (user != null) {
				users.add(user);
				for (ConstraintViolation<IngestUser> violation : this.validator.validate(user)) {
					errors.add(new FieldError(prefix + "." + jsonPath(violation), violation.getMessage()));
				}
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(FieldError::index).thenComparing(FieldError::field));
			throw new InvalidUsersException(errors);
		}
		return users;
	}

	private IngestUser bind(JsonNode node, String prefix, List<FieldError> errors) {
		if (!node.isObject()) {
			errors.add(new FieldError(prefix, "must be a JSON object"));
			return null;
		}
		try {
			// bound as strictly as the sink reads the wire record: "33" is no age, 7 no name, 1.5 no
			// whole number; a 400 now rather than the sink's dead letter (invalid_field) later
			return UserRecordJson.mapper().treeToValue(node, IngestUser.class);
		}
		catch (JacksonException ex) {
			// Jackson's own message may quote the value
			errors.add(new FieldError(prefix + path(ex.getPath()), "has the wrong type"));
			return null;
		}
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** The property path with the JSON names, which differ from the Java ones for {@code user_id} only. */
	private static String jsonPath(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		return path.equals("userId") ? "user_id" : path;
	}

}
