package dev.userstream.producer.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to an accepted request.
 *
 * @param userIds the published users' ids, in the order of the request
 */
record IngestResponse(@JsonProperty("user_ids") List<String> userIds) {
}
