package dev.userstream.sink.writer.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.TestUsers;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.KafkaPosition;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.testsupport.EmbeddedS3;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link S3RolledFiles} against a real S3 server (S3Mock) with a clock the test moves: the rules that cut
 * files (count, size, time), gzip, and the alignment of a writer whose file name another writer took first.
 */
class S3RolledFilesIntegrationTests {

	static final String TOPIC = "rolled-users";

	static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

	final S3Client s3 = EmbeddedS3.server().client();

	final String bucket = "rolled-" + UUID.randomUUID().toString().substring(0, 8);

	final MovingClock clock = new MovingClock();

	@BeforeEach
	void createBucket() {
		this.s3.createBucket((r) -> r.bucket(this.bucket));
	}

	@AfterEach
	void close() {
		this.s3.close();
	}

	@Test
	void aFileClosesAtMaxRecordsNamedByItsFirstOffsetAndTheOpenFileHoldsTheOffsetToCommit() {
		S3RolledFiles writer = writer(3, DataSize.ofMegabytes(1), false);
		writer.write(batch(0, 7));

		assertThat(keys()).containsExactly(key(0, ".ndjson"), key(3, ".ndjson"));
		assertThat(offsetsIn(key(0, ".ndjson"))).containsExactly(0L, 1L, 2L);
		assertThat(offsetsIn(key(3, ".ndjson"))).containsExactly(3L, 4L, 5L);
		ResponseBytes<GetObjectResponse> file = get(key(3, ".ndjson"));
		assertThat(file.response().contentType()).isEqualTo("application/x-ndjson");
		assertThat(file.response().contentEncoding()).isNull();
		assertThat(file.response().metadata()).containsEntry("first-offset", "3").containsEntry("last-offset", "5")
			.containsEntry("records", "3");
		assertThat(writer.heldFrom(P0)).as("offset 6 is held: not to be committed").isEqualTo(6);
		assertThat(writer.next(P0)).isEqualTo(7);
	}

	@Test
	void aBatchRetriedAfterAFailureIsNotHeldTwice() {
		S3RolledFiles writer = writer(4, DataSize.ofMegabytes(1), false);
		writer.write(batch(0, 3));
		writer.write(batch(0, 6)); // the same records again, and more

		assertThat(offsetsIn(key(0, ".ndjson"))).containsExactly(0L, 1L, 2L, 3L);
		assertThat(writer.heldFrom(P0)).isEqualTo(4);
	}

	@Test
	void aFileClosesBeforeTheUserThatWouldTakeItPastMaxBytes() {
		int line = line(0).length;
		S3RolledFiles writer = writer(100, DataSize.ofBytes(line * 2L + line / 2), false);
		writer.write(batch(0, 5));

		assertThat(keys()).containsExactly(key(0, ".ndjson"), key(2, ".ndjson"));
		assertThat(offsetsIn(key(0, ".ndjson"))).containsExactly(0L, 1L);
		assertThat(get(key(2, ".ndjson")).asByteArray().length).isLessThanOrEqualTo(line * 2 + line / 2);
		assertThat(writer.heldFrom(P0)).isEqualTo(4);
	}

	@Test
	void aFileClosesByTimeWithoutANewRecordOnlyOnceItsRotateIntervalHasPassed() {
		S3RolledFiles writer = writer(100, DataSize.ofMegabytes(1), false);
		writer.write(batch(10, 2));
		this.clock.move(Duration.ofSeconds(59));
		writer.closeDue(List.of(P0));
		assertThat(keys()).isEmpty();
		assertThat(writer.heldFrom(P0)).isEqualTo(10);

		this.clock.move(Duration.ofSeconds(1));
		writer.closeDue(List.of(P0));
		assertThat(keys()).containsExactly(key(10, ".ndjson"));
		assertThat(writer.heldFrom(P0)).as("nothing held").isEqualTo(-1);
		assertThat(writer.next(P0)).isEqualTo(12);
	}

	@Test
	void gzipFilesAreNdjsonGzWithContentEncodingGzip() throws IOException {
		S3RolledFiles writer = writer(3, DataSize.ofMegabytes(1), true);
		writer.write(batch(0, 3));

		ResponseBytes<GetObjectResponse> file = get(key(0, ".ndjson.gz"));
		assertThat(file.response().contentType()).isEqualTo("application/x-ndjson");
		assertThat(file.response().contentEncoding()).isEqualTo("gzip");
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.asByteArray()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
				.isEqualTo(new String(line(0), StandardCharsets.UTF_8) + new String(line(1), StandardCharsets.UTF_8)
						+ new String(line(2), StandardCharsets.UTF_8));
		}
	}

	@Test
	void aWriterWhoseLongerFileNameIsTakenKeepsTheStoredCutAndStartsItsNextFileAfterIt() {
		S3RolledFiles first = writer(100, DataSize.ofMegabytes(1), false);
		first.write(batch(0, 3));
		this.clock.move(Duration.ofMinutes(1));
		first.closeDue(List.of(P0)); // 0..2, closed by time
		S3RolledFiles late = writer(100, DataSize.ofMegabytes(1), false);
		late.write(batch(0, 5)); // read more before its time was up: 0..4
		this.clock.move(Duration.ofMinutes(1));

		late.closeDue(List.of(P0));

		assertThat(offsetsIn(key(0, ".ndjson"))).as("the first file stored stays").containsExactly(0L, 1L, 2L);
		assertThat(late.heldFrom(P0)).as("3 and 4 start the next file").isEqualTo(3);
		this.clock.move(Duration.ofMinutes(1));
		late.closeDue(List.of(P0));
		assertThat(keys()).containsExactly(key(0, ".ndjson"), key(3, ".ndjson"));
		assertThat(offsetsIn(key(3, ".ndjson"))).containsExactly(3L, 4L);
	}

	@Test
	void aWriterWhoseShorterFileNameIsTakenSkipsWhatTheStoredFileHolds() {
		S3RolledFiles first = writer(100, DataSize.ofMegabytes(1), false);
		first.write(batch(0, 5));
		this.clock.move(Duration.ofMinutes(1));
		first.closeDue(List.of(P0)); // 0..4
		S3RolledFiles late = writer(100, DataSize.ofMegabytes(1), false);
		late.write(batch(0, 3));
		this.clock.move(Duration.ofMinutes(1));
		late.closeDue(List.of(P0)); // 0..2: stored already

		assertThat(late.heldFrom(P0)).isEqualTo(-1);
		assertThat(late.next(P0)).isEqualTo(5);
		late.write(batch(3, 4)); // 3..6: 3 and 4 are in the stored file
		assertThat(late.heldFrom(P0)).isEqualTo(5);
		this.clock.move(Duration.ofMinutes(1));
		late.closeDue(List.of(P0));
		assertThat(keys()).containsExactly(key(0, ".ndjson"), key(5, ".ndjson"));
		assertThat(offsetsIn(key(0, ".ndjson"))).containsExactly(0L, 1L, 2L, 3L, 4L);
		assertThat(offsetsIn(key(5, ".ndjson"))).containsExactly(5L, 6L);
	}

	@Test
	void aRevokedPartitionsOpenFileIsDroppedUnstoredAndUsersOfPartitionsNotAssignedAreIgnored() {
		S3RolledFiles writer = writer(100, DataSize.ofMegabytes(1), false);
		writer.write(batch(0, 3));
		writer.revoked(List.of(P0));
		assertThat(writer.heldFrom(P0)).isEqualTo(-1);

		writer.write(batch(3, 3)); // a batch retried after its partition moved
		this.clock.move(Duration.ofMinutes(1));
		writer.closeDue(List.of(P0));
		assertThat(keys()).isEmpty();
		assertThat(writer.next(P0)).isEqualTo(-1);
	}

	private S3RolledFiles writer(int maxRecords, DataSize maxBytes, boolean gzip) {
		S3WriterProperties properties = new S3WriterProperties(this.bucket, S3WriterProperties.Layout.BATCH, false, 16,
				new S3WriterProperties.Batch(maxRecords, maxBytes, Duration.ofMinutes(1), gzip));
		S3RolledFiles writer = new S3RolledFiles(this.s3, properties, new SimpleMeterRegistry(), this.clock);
		writer.assigned(List.of(P0));
		return writer;
	}

	/** Users at offsets {@code from} .. {@code from + count - 1} of partition 0; user {@code i} is at offset {@code i}. */
	private static UserBatch batch(long from, int count) {
		List<IncomingUser> users = IntStream.range(0, count).mapToObj((i) -> user(from + i)).toList();
		return new UserBatch(users, Map.of(P0, from), Instant.now());
	}

	/** User {@code i} at offset {@code i}; each user is made once (a test user is random). */
	private static final List<IncomingUser> USERS = IntStream.range(0, 100)
		.mapToObj((i) -> IncomingUser.from(TestUsers.user(i), null,
				new KafkaPosition(TOPIC, 0, i, Instant.parse("2026-01-01T00:00:00Z"))))
		.toList();

	private static IncomingUser user(long offset) {
		return USERS.get((int) offset);
	}

	private static byte[] line(long offset) {
		return (UserRecordJson.write(user(offset).toRecord()) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private static String key(long firstOffset, String extension) {
		return "users/batch/topic=" + TOPIC + "/partition=0/" + TOPIC + "+0+" + String.format("%020d", firstOffset) + extension;
	}

	private List<String> keys() {
		return this.s3.listObjectsV2Paginator((r) -> r.bucket(this.bucket)).contents().stream().map(S3Object::key).toList();
	}

	private ResponseBytes<GetObjectResponse> get(String key) {
		return this.s3.getObjectAsBytes((r) -> r.bucket(this.bucket).key(key));
	}

	/** The offsets of the users of a stored file, in order (user {@code i} was at offset {@code i}). */
	private List<Long> offsetsIn(String key) {
		List<String> lines = get(key).asString(StandardCharsets.UTF_8).lines().toList();
		List<Long> offsets = new ArrayList<>();
		for (String line : lines) {
			long offset = IntStream.range(0, 100)
				.filter((i) -> new String(line(i), StandardCharsets.UTF_8).equals(line + "\n"))
				.findFirst()
				.orElseThrow(() -> new UncheckedIOException(new IOException("not a test user: " + line)));
			offsets.add(offset);
		}
		return offsets;
	}

	/** A clock that moves only when the test moves it. */
	static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void move(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
