package dev.userstream.producer.ingest;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for ingestion's own errors (Boot's problem details, switched on by
 * {@code spring.mvc.problemdetails.enabled}, cover 415 and the other framework errors).
 */
@RestControllerAdvice(assignableTypes = UserIngestController.class)
@Conditional(IngestEnabledCondition.class)
class IngestProblems {

	private final IngestProperties properties;

	private final MeterRegistry meterRegistry;

	IngestProblems(IngestProperties properties, MeterRegistry meterRegistry) {
		this.properties = properties;
		this.meterRegistry = meterRegistry;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidUsers(InvalidUsersException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid users",
				ex.errors().size() + " field(s) failed validation; nothing was published.");
		List<Map<String, String>> errors = ex.errors().stream()
			.map((error) -> Map.of("field", error.field(), "message", error.message()))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.of(problem).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException ex) {
		return ResponseEntity.of(problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", ex.getMessage())).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException ex) {
		return ResponseEntity.of(problem(HttpStatus.SERVICE_UNAVAILABLE, "Broker unavailable", ex.getMessage()))
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(this.properties.retryAfter().toSeconds()))
			.build();
	}

	private ProblemDetail problem(HttpStatus status, String title, String detail) {
		IngestMetrics.rejected(this.meterRegistry, status.value()).increment();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
