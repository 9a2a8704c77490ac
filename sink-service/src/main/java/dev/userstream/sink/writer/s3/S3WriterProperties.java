package dev.userstream.sink.writer.s3;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how the {@code s3} profile stores users.
 *
 * @param bucket the bucket (env {@code SINK_S3_BUCKET})
 * @param layout {@code per-record}: one JSON object per version of a user; {@code batch}: rolled NDJSON files,
 * each a range of offsets of one partition (docs/guarantees.md)
 * @param createBucket create the bucket at start-up when it does not exist
 * @param uploadConcurrency how many PutObject requests run at once for a batch ({@code per-record})
 * @param batch how the {@code batch} layout rolls its files
 */
@Validated
@ConfigurationProperties("sink.s3")
public record S3WriterProperties(
		@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", message = "must be a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)")
		@DefaultValue("users-bucket") String bucket,
		@NotNull @DefaultValue("per-record") Layout layout,
		@DefaultValue("false") boolean createBucket,
		@Min(1) @Max(256) @DefaultValue("16") int uploadConcurrency,
		@Valid @NotNull @DefaultValue Batch batch) {

	@ConstructorBinding
	public S3WriterProperties {
	}

	/** The {@code batch} layout's defaults. */
	public S3WriterProperties(String bucket, Layout layout, boolean createBucket, int uploadConcurrency) {
		this(bucket, layout, createBucket, uploadConcurrency, new Batch(10_000, DataSize.ofMegabytes(16), Duration.ofMinutes(1), false));
	}

	/**
	 * The {@code batch} layout's files. A file is closed when it holds {@code maxRecords} users, when the next
	 * user would take it past {@code maxBytes}, or {@code rotateInterval} after it was opened, whichever comes
	 * first. Count and size cut every writer's files at the same offsets; a cut by time differs between
	 * writers, and the first file stored under a name wins (docs/guarantees.md).
	 *
	 * @param maxRecords users per file at most
	 * @param maxBytes uncompressed NDJSON bytes per file at most (a single larger user gets a file of its own);
	 * also what an open file holds in memory, per partition
	 * @param rotateInterval how long a file stays open at most, records arriving or not: the bound on how late
	 * a user reaches S3 and on how far the committed offsets lag
	 * @param gzip {@code .ndjson.gz} files ({@code Content-Encoding: gzip}) instead of {@code .ndjson}
	 */
	public record Batch(@Min(1) @DefaultValue("10000") int maxRecords, @NotNull @DefaultValue("16MB") DataSize maxBytes,
			@NotNull @DefaultValue("60s") Duration rotateInterval, @DefaultValue("false") boolean gzip) {
	}

	/** How users map to objects. */
	public enum Layout {

		/** {@code users/dt=YYYY-MM-DD/user_id=<user_id>/<epoch millis>-<hash>.json}, one per version of a user. */
		PER_RECORD,

		/**
		 * {@code users/batch/topic=<topic>/partition=<partition>/<topic>+<partition>+<first offset>.ndjson[.gz]}, a
		 * rolled file per range of offsets of a partition.
		 */
		BATCH

	}

}
