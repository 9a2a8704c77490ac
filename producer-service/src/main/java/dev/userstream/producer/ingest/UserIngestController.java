package dev.userstream.producer.ingest;

import java.io.IOException;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.producer.job.UserRecordMapper;
import dev.userstream.producer.publish.PublishResult;
import dev.userstream.producer.publish.UserPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/users}: users sent by applications take the fetched users' path (map, encrypt,
 * publish keyed by {@code user_id}, {@code source} "http"). The answer is 202 only once the broker
 * has acknowledged every record (acks=all); anything less is a 503, and sending the same request
 * again is harmless because the ids are the same and the sink is idempotent by id.
 */
@RestController
@Conditional(IngestEnabledCondition.class)
class UserIngestController {

	static final String SOURCE = "http";

	private final UserBatchReader reader;

	private final IngestUserConverter converter;

	private final UserRecordMapper mapper;

	private final UserPublisher publisher;

	private final IngestProperties properties;

	private final Counter ingested;

	UserIngestController(UserBatchReader reader, IngestUserConverter converter, UserRecordMapper mapper,
			UserPublisher publisher, IngestProperties properties, MeterRegistry meterRegistry) {
		this.reader = reader;
		this.converter = converter;
		this.mapper = mapper;
		this.publisher = publisher;
		this.properties = properties;
		this.ingested = IngestMetrics.ingested(meterRegistry);
	}

	@PostMapping(path = "/api/users", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Publish users", description = "Validates, encrypts and publishes 1 to 1,000 users; answers"
			+ " once the broker acknowledged every one. Safe to retry: the same users get the same ids.",
			security = @SecurityRequirement(name = IngestConfiguration.SECURITY_SCHEME))
	@IngestApiDoc
	ResponseEntity<IngestResponse> ingest(HttpServletRequest request) throws IOException {
		List<IngestUser> users = this.reader.read(body(request));
		List<UserRecord> records = this.mapper.map(users.stream().map(this.converter::convert).toList(), SOURCE);
		PublishResult result = this.publisher.publish(records, this.properties.ackTimeout());
		if (result.acknowledged() < records.size()) {
			throw new BrokerUnavailableException("The broker acknowledged " + result.acknowledged() + " of "
					+ records.size() + " users within " + this.properties.ackTimeout().toSeconds()
					+ " s. Send the same request again: users already published are not duplicated.");
		}
		this.ingested.increment(records.size());
		return ResponseEntity.accepted().body(new IngestResponse(records.stream().map(UserRecord::userId).toList()));
	}

	/** The body, or 413 as soon as it is known to exceed the limit (before reading it when it says its length). */
	private byte[] body(HttpServletRequest request) throws IOException {
		long limit = this.properties.maxRequestSize().toBytes();
		String tooLarge = "The body is larger than " + this.properties.maxRequestSize() + " (producer.ingest.max-request-size)";
		if (request.getContentLengthLong() > limit) {
			throw new RequestTooLargeException(tooLarge);
		}
		byte[] body = request.getInputStream().readNBytes((int) limit + 1);
		if (body.length > limit) {
			throw new RequestTooLargeException(tooLarge);
		}
		return body;
	}

}
