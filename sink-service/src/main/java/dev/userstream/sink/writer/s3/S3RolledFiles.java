package dev.userstream.sink.writer.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.writer.BufferingWriter;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.UserBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code batch} layout: rolled NDJSON files like Kafka Connect's S3 sink. Each partition has at most one
 * open file, a contiguous range of its offsets held in memory; a file is closed by count, by size or by time
 * ({@link S3WriterProperties.Batch}) and stored under a name made of its topic, partition and first offset.
 * Offsets of an open file are not committed, so whoever reads the partition next starts at that first offset
 * and names its file the same.
 * <p>
 * A cut by count or size is the same for every writer; a cut by time is not. A file is therefore stored
 * with {@code If-None-Match: *}: the first file stored under a name wins, never replaced by another cut. A
 * writer that finds the name taken (412) reads the stored file's last offset ({@code x-amz-meta-last-offset}):
 * its users up to there are stored already, and its next file starts after it, at the same name as the
 * winner's next file.
 * <p>
 * Thread-safe per partition: a partition's state is only touched by the consumer thread that owns it.
 */
@Component
@Profile("s3")
@Conditional(S3LayoutConditions.Batch.class)
@Order(2)
class S3RolledFiles implements BufferingWriter {

	static final String LAST_OFFSET = "last-offset";

	private static final Logger logger = LoggerFactory.getLogger(S3RolledFiles.class);

	private static final String NDJSON = "application/x-ndjson";

	private static final int PRECONDITION_FAILED = 412;

	private final S3Client s3;

	private final String bucket;

	private final S3WriterProperties.Batch rules;

	private final Clock clock;

	private final MeterRegistry registry;

	private final DistributionSummary recordsPerFile;

	private final Counter aligned;

	private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();

	private final Map<TopicPartition, PartitionFiles> partitions = new ConcurrentHashMap<>();

	@Autowired
	S3RolledFiles(S3Client s3, S3WriterProperties properties, MeterRegistry registry) {
		this(s3, properties, registry, Clock.systemUTC());
	}

	S3RolledFiles(S3Client s3, S3WriterProperties properties, MeterRegistry registry, Clock clock) {
		this.s3 = s3;
		this.bucket = properties.bucket();
		this.rules = properties.batch();
		this.clock = clock;
		this.registry = registry;
		this.recordsPerFile = DistributionSummary.builder("userstream.s3.file.records")
			.description("Users per rolled file stored (batch layout)")
			.register(registry);
		this.aligned = Counter.builder("userstream.s3.files.aligned")
			.description("Rolled files found stored already under their name (another writer's cut kept)")
			.register(registry);
	}

	@Override
	public String name() {
		return "s3";
	}

	@Override
	public void write(UserBatch batch) {
		for (IncomingUser user : batch.users()) {
			TopicPartition partition = new TopicPartition(user.position().topic(), user.position().partition());
			if (this.assigned.contains(partition)) {
				this.partitions.computeIfAbsent(partition, PartitionFiles::new).add(user);
			}
		}
	}

	@Override
	public void assigned(Collection<TopicPartition> partitions) {
		partitions.forEach(this.partitions::remove);
		this.assigned.addAll(partitions);
	}

	@Override
	public void revoked(Collection<TopicPartition> partitions) {
		this.assigned.removeAll(partitions);
		for (TopicPartition partition : partitions) {
			PartitionFiles dropped = this.partitions.remove(partition);
			if (dropped != null && dropped.open != null) {
				logger.info("Partition {} moved: its open file of {} users from offset {} is dropped, the next owner"
						+ " reads them again", partition, dropped.open.lines.size(), dropped.open.firstOffset());
			}
		}
	}

	@Override
	public void closeDue(Collection<TopicPartition> partitions) {
		Instant now = this.clock.instant();
		for (TopicPartition partition : partitions) {
			PartitionFiles files = this.partitions.get(partition);
			if (files != null && files.open != null) {
				if (files.open.lines.size() >= this.rules.maxRecords()) {
					files.close("count"); // its close failed before (an outage)
				}
				else if (Duration.between(files.open.openedAt, now).compareTo(this.rules.rotateInterval()) >= 0) {
					files.close("time");
				}
			}
		}
	}

	@Override
	public long heldFrom(TopicPartition partition) {
		PartitionFiles files = this.partitions.get(partition);
		return (files != null && files.open != null) ? files.open.firstOffset() : -1;
	}

	@Override
	public long next(TopicPartition partition) {
		PartitionFiles files = this.partitions.get(partition);
		return (files != null) ? files.next : -1;
	}

	/** {@code users/batch/topic=<topic>/partition=<n>/<topic>+<n>+<first offset, 20 digits>.ndjson[.gz]}. */
	static String key(TopicPartition partition, long firstOffset, boolean gzip) {
		return "users/batch/topic=" + partition.topic() + "/partition=" + partition.partition() + "/" + partition.topic()
				+ "+" + partition.partition() + "+" + String.format("%020d", firstOffset) + (gzip ? ".ndjson.gz" : ".ndjson");
	}

	/** One partition: the offset after the last user handled, and the open file. */
	private final class PartitionFiles {

		private final TopicPartition partition;

		private long next = -1;

		private OpenFile open;

		PartitionFiles(TopicPartition partition) {
			this.partition = partition;
		}

		void add(IncomingUser user) {
			long offset = user.position().offset();
			if (offset < this.next) {
				return; // held or stored already: a batch retried, or records a stored file of another writer holds
			}
			byte[] line = (UserRecordJson.write(user.toRecord()) + "\n").getBytes(StandardCharsets.UTF_8);
			if (this.open != null && (this.open.lines.size() >= S3RolledFiles.this.rules.maxRecords()
					|| this.open.bytes + line.length > S3RolledFiles.this.rules.maxBytes().toBytes())) {
				// full, its close failed before (an outage): stored first, before it could take more
				close((this.open.lines.size() >= S3RolledFiles.this.rules.maxRecords()) ? "count" : "size");
			}
			if (this.open == null) {
				this.open = new OpenFile(S3RolledFiles.this.clock.instant());
			}
			this.open.add(offset, line);
			this.next = offset + 1;
			if (this.open.lines.size() >= S3RolledFiles.this.rules.maxRecords()) {
				close("count");
			}
		}

		/** Stores the open file; an outage throws and leaves it open, to be stored again. */
		void close(String reason) {
			OpenFile file = this.open;
			String key = key(this.partition, file.firstOffset(), S3RolledFiles.this.rules.gzip());
			try {
				put(key, file);
				this.open = null;
				S3RolledFiles.this.recordsPerFile.record(file.lines.size());
				Counter.builder("userstream.s3.files")
					.description("Rolled files stored (batch layout), by what closed them")
					.tag("closed_by", reason)
					.register(S3RolledFiles.this.registry)
					.increment();
			}
			catch (S3Exception ex) {
				if (ex.statusCode() != PRECONDITION_FAILED) {
					throw ex;
				}
				alignTo(key, file);
			}
		}

		/**
		 * The name was taken by another writer's file, which starts at the same offset: ours is kept up to that
		 * file's last offset, the rest stays open as the start of the next file.
		 */
		private void alignTo(String key, OpenFile file) {
			String stored = S3RolledFiles.this.s3
				.headObject((request) -> request.bucket(S3RolledFiles.this.bucket).key(key))
				.metadata()
				.get(LAST_OFFSET);
			if (stored == null) {
				throw new IllegalStateException("The stored file " + key + " has no x-amz-meta-" + LAST_OFFSET
						+ "; the batch layout cannot align to it");
			}
			long lastStored = Long.parseLong(stored);
			S3RolledFiles.this.aligned.increment();
			OpenFile rest = new OpenFile(file.openedAt);
			for (int i = 0; i < file.lines.size(); i++) {
				if (file.offsets.get(i) > lastStored) {
					rest.add(file.offsets.get(i), file.lines.get(i));
				}
			}
			this.open = rest.lines.isEmpty() ? null : rest;
			this.next = Math.max(this.next, lastStored + 1);
			logger.info("{} was stored already (up to offset {}, ours to {}): kept, {} users go on to the next file", key,
					lastStored, file.lastOffset(), rest.lines.size());
		}

		private void put(String key, OpenFile file) {
			boolean gzip = S3RolledFiles.this.rules.gzip();
			byte[] body = gzip ? gzip(file) : file.content();
			S3RolledFiles.this.s3.putObject((request) -> request.bucket(S3RolledFiles.this.bucket)
				.key(key)
				.ifNoneMatch("*")
				.contentType(NDJSON)
				.contentEncoding(gzip ? "gzip" : null)
				.metadata(Map.of("first-offset", Long.toString(file.firstOffset()), LAST_OFFSET,
						Long.toString(file.lastOffset()), "records", Integer.toString(file.lines.size()))),
					RequestBody.fromBytes(body));
		}

		private static byte[] gzip(OpenFile file) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
				for (byte[] line : file.lines) {
					out.write(line);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex); // in memory: never
			}
			return bytes.toByteArray();
		}

	}

	/** The users of an open file, one NDJSON line each, with their offsets (to keep a part after a 412). */
	private static final class OpenFile {

		final Instant openedAt;

		final List<Long> offsets = new ArrayList<>();

		final List<byte[]> lines = new ArrayList<>();

		long bytes;

		OpenFile(Instant openedAt) {
			this.openedAt = openedAt;
		}

		void add(long offset, byte[] line) {
			this.offsets.add(offset);
			this.lines.add(line);
			this.bytes += line.length;
		}

		long firstOffset() {
			return this.offsets.get(0);
		}

		long lastOffset() {
			return this.offsets.get(this.offsets.size() - 1);
		}

		byte[] content() {
			ByteArrayOutputStream out = new ByteArrayOutputStream((int) this.bytes);
			this.lines.forEach(out::writeBytes);
			return out.toByteArray();
		}

	}

}
