package dev.userstream.producer.ingest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ProblemDetail;

/**
 * The OpenAPI description of {@code POST /api/users} that springdoc cannot infer (the handler reads
 * the raw body to bound its size): the request schema and every answer.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@RequestBody(required = true, content = @Content(mediaType = "application/json",
		array = @ArraySchema(schema = @Schema(implementation = IngestUser.class), minItems = 1, maxItems = IngestProperties.MAX_USERS)))
@ApiResponse(responseCode = "202", description = "Every user was acknowledged by the broker",
		content = @Content(mediaType = "application/json", schema = @Schema(implementation = IngestResponse.class)))
@ApiResponse(responseCode = "400", description = "Invalid users: the failing fields, never their values",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "Missing or invalid bearer token",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "413", description = "Body over producer.ingest.max-request-size, or over 1,000 users",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "415", description = "Content-Type is not application/json",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The broker did not acknowledge every user; retry after Retry-After seconds",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@interface IngestApiDoc {

}
