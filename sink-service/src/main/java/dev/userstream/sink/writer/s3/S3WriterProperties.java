package dev.userstream.sink.writer.s3;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how the {@code s3} profile stores users.
 *
 * @param bucket the bucket (env {@code SINK_S3_BUCKET})
 * @param layout {@code per-record}: one JSON object per version of a user; {@code batch}: one NDJSON object per partition per batch
 * @param createBucket create the bucket at start-up when it does not exist
 * @param uploadConcurrency how many PutObject requests run at once for a batch
 */
@Validated
@ConfigurationProperties("sink.s3")
public record S3WriterProperties(
		@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", message = "must be a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)")
		@DefaultValue("users-bucket") String bucket,
		@NotNull @DefaultValue("per-record") Layout layout,
		@DefaultValue("false") boolean createBucket,
		@Min(1) @Max(256) @DefaultValue("16") int uploadConcurrency) {

	/** How users map to objects. */
	public enum Layout {

		/** {@code users/dt=YYYY-MM-DD/user_id=<user_id>/<epoch millis>-<hash>.json}, one per version of a user. */
		PER_RECORD,

		/** {@code users/dt=YYYY-MM-DD/<topic>+<partition>+<first offset>.ndjson}, one per partition per batch. */
		BATCH

	}

}
