package dev.userstream.sink.writer.s3;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code sink.s3.create-bucket=true}, creates the bucket at start-up when it is missing. An
 * unreachable S3 does not stop the start: readiness reports it and the writer retries.
 */
@Component
@Profile("s3")
class S3BucketInitializer {

	private static final Logger logger = LoggerFactory.getLogger(S3BucketInitializer.class);

	private final S3Client s3;

	private final S3WriterProperties properties;

	S3BucketInitializer(S3Client s3, S3WriterProperties properties) {
		this.s3 = s3;
		this.properties = properties;
	}

	@EventListener(ApplicationStartedEvent.class)
	void createBucketIfAsked() {
		if (!this.properties.createBucket()) {
			return;
		}
		String bucket = this.properties.bucket();
		try {
			this.s3.headBucket((request) -> request.bucket(bucket));
		}
		catch (NoSuchBucketException missing) {
			create(bucket);
		}
		catch (SdkException ex) {
			logger.warn("Could not check bucket '{}' ({}); readiness will show it", bucket, ex.getClass().getName());
		}
	}

	private void create(String bucket) {
		try {
			this.s3.createBucket((request) -> request.bucket(bucket));
			logger.info("Created bucket '{}'", bucket);
		}
		catch (BucketAlreadyOwnedByYouException ex) {
			// another instance created it first
		}
	}

}
