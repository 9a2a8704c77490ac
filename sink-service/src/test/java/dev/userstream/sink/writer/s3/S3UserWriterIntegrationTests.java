package dev.userstream.sink.writer.s3;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.userstream.sink.TestUsers;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.KafkaPosition;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.S3TestConfiguration;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link S3UserWriter} against a real S3 server: the objects/s of the per-record layout for batches of 500
 * (printed, not asserted). The batch layout's files: {@link S3RolledFilesIntegrationTests}.
 */
@SpringBootTest(properties = { "pipeline.topic=s3-writer-it-users", "spring.kafka.listener.auto-startup=false" })
@ActiveProfiles("s3")
@Import({ KafkaTestConfiguration.class, S3TestConfiguration.class })
class S3UserWriterIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(S3UserWriterIntegrationTests.class);

	@Autowired
	S3Client s3;

	@Test
	void printsObjectsPerSecondForBatchesOf500() {
		for (S3WriterProperties.Layout layout : List.of(S3WriterProperties.Layout.PER_RECORD)) {
			String bucket = "s3-speed-" + layout.name().toLowerCase().replace('_', '-');
			S3UserWriter writer = writer(bucket, layout);
			List<UserBatch> batches = IntStream.range(0, 2).mapToObj((i) -> batch(500, 1, i * 500L)).toList();
			writer.write(batch(500, 1, 100_000)); // warm-up
			long start = System.nanoTime();
			batches.forEach(writer::write);
			double seconds = (System.nanoTime() - start) / 1e9;
			logger.info("S3UserWriter {}: {} users in {} s = {} users/s (batches of 500, 16 uploads at once)", layout,
					1000, String.format("%.2f", seconds), Math.round(1000 / seconds));
			assertThat(list(bucket)).hasSize(1500);
		}
	}

	private S3UserWriter writer(String bucket, S3WriterProperties.Layout layout) {
		this.s3.createBucket((r) -> r.bucket(bucket));
		return new S3UserWriter(this.s3, new S3WriterProperties(bucket, layout, false, 16));
	}

	private List<S3Object> list(String bucket) {
		return this.s3.listObjectsV2Paginator((r) -> r.bucket(bucket)).contents().stream().toList();
	}

	private static UserBatch batch(int size, int partitions, long firstOffset) {
		List<IncomingUser> users = IntStream.range(0, size).mapToObj((i) -> {
			KafkaPosition position = new KafkaPosition("s3-writer-it-users", i % partitions, firstOffset + i / partitions, Instant.now());
			return IncomingUser.from(TestUsers.user(i), null, position);
		}).toList();
		Map<TopicPartition, Long> firsts = new java.util.HashMap<>();
		IntStream.range(0, partitions).forEach((p) -> firsts.put(new TopicPartition("s3-writer-it-users", p), firstOffset));
		return new UserBatch(users, firsts, Instant.now());
	}

}
