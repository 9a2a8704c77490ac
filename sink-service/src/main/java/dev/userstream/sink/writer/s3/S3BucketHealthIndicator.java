package dev.userstream.sink.writer.s3;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** UP when the bucket exists and answers; DOWN with the fix when it does not exist. */
@Component("s3")
@Profile("s3")
class S3BucketHealthIndicator extends AbstractHealthIndicator {

	private final S3Client s3;

	private final String bucket;

	S3BucketHealthIndicator(S3Client s3, S3WriterProperties properties) {
		super("S3 is not reachable");
		this.s3 = s3;
		this.bucket = properties.bucket();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("bucket", this.bucket);
		try {
			this.s3.headBucket((request) -> request.bucket(this.bucket));
			builder.up();
		}
		catch (NoSuchBucketException ex) {
			builder.down().withDetail("reason", "bucket '" + this.bucket + "' does not exist: create it, "
					+ "or set sink.s3.create-bucket=true (SINK_S3_CREATE_BUCKET=true)");
		}
	}

}
