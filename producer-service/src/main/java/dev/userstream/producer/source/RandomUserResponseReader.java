package dev.userstream.producer.source;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a randomuser.me body into users: a body that is not a response is counted as
 * {@code malformed} and skipped, so are results that lack a field the wire record needs. Logs
 * counts only, never content (the parser's own messages quote the body).
 */
final class RandomUserResponseReader {

	private static final Logger logger = LoggerFactory.getLogger(RandomUserResponseReader.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final FetchErrors errors;

	RandomUserResponseReader(FetchErrors errors) {
		this.errors = errors;
	}

	List<SourceUser> read(byte[] body) {
		RandomUserResponse response;
		try {
			response = MAPPER.readValue(body, RandomUserResponse.class);
		}
		catch (JacksonException ex) {
			response = null;
		}
		if (response == null) {
			this.errors.count("malformed");
			logger.warn("randomuser sent a malformed body ({} bytes); skipped", body.length);
			return List.of();
		}
		if (response.resultsOrEmpty().isEmpty()) {
			logger.info("randomuser returned no results; skipped");
		}
		return valid(response.resultsOrEmpty());
	}

	private List<SourceUser> valid(List<RandomUserResponse.Result> results) {
		List<SourceUser> users = new ArrayList<>(results.size());
		for (RandomUserResponse.Result result : results) {
			SourceUser user = (result != null) ? result.toSourceUser() : null;
			if (user != null) {
				users.add(user);
			}
		}
		int rejected = results.size() - users.size();
		if (rejected > 0) {
			this.errors.count("malformed", rejected);
			logger.warn("randomuser sent {} result(s) lacking required fields; skipped", rejected);
		}
		return users;
	}

}
