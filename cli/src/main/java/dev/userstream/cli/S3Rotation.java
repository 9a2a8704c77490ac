package dev.userstream.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.userstream.model.UserRecordJson;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rotates the tokens of every object under a prefix. An object holds one JSON record or NDJSON lines,
 * gzip-compressed or not (told by its first bytes, not its name); it is rewritten, at the same key with
 * the same content type, encoding and metadata, only when one of its tokens was under an older key, so a
 * second run only reads. Keys are listed first (for the progress total), then handled in listing order.
 * Lines are rewritten by Jackson's tree, which keeps every field and its order; a line with nothing to
 * rotate keeps its exact bytes.
 */
final class S3Rotation {

	private final String bucket;

	private final String prefix;

	private final URI endpoint;

	private final String region;

	private final TokenRotation rotation;

	private final int batchSize;

	private final boolean dryRun;

	private final PrintStream err;

	private final boolean terminal;

	private final JsonMapper mapper = UserRecordJson.mapper();

	S3Rotation(String bucket, String prefix, URI endpoint, String region, TokenRotation rotation, int batchSize,
			boolean dryRun, PrintStream err, boolean terminal) {
		this.bucket = bucket;
		this.prefix = prefix;
		this.endpoint = endpoint;
		this.region = region;
		this.rotation = rotation;
		this.batchSize = batchSize;
		this.dryRun = dryRun;
		this.err = err;
		this.terminal = terminal;
	}

	RotationCounts run() {
		RotationCounts counts = new RotationCounts("objects");
		try (S3Client s3 = client()) {
			List<String> keys = new ArrayList<>();
			s3.listObjectsV2Paginator((list) -> list.bucket(this.bucket).prefix(this.prefix).maxKeys(this.batchSize))
				.contents()
				.stream()
				.map(S3Object::key)
				.forEach(keys::add);
			Progress progress = new Progress(this.err, this.terminal, "objects", keys.size());
			for (String key : keys) {
				rotate(s3, key, counts);
				if (counts.scanned % this.batchSize == 0 || counts.scanned == keys.size()) {
					progress.update(counts.scanned);
				}
			}
			progress.finish();
		}
		return counts;
	}

	private void rotate(S3Client s3, String key, RotationCounts counts) {
		counts.scanned++;
		ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes((get) -> get.bucket(this.bucket).key(key));
		byte[] stored = object.asByteArray();
		boolean gzip = stored.length >= 2 && (stored[0] & 0xFF) == 0x1f && (stored[1] & 0xFF) == 0x8b;
		String text;
		String rotated;
		try {
			text = new String(gzip ? gunzip(stored) : stored, StandardCharsets.UTF_8);
			rotated = rotate(text);
		}
		catch (TokenRotation.Failure ex) {
			counts.failed++;
			this.err.println("userstream rotate: s3://" + this.bucket + "/" + key + ": " + ex.getMessage());
			return;
		}
		if (rotated == null) {
			counts.current++;
			return;
		}
		counts.rotated++;
		if (this.dryRun) {
			return;
		}
		GetObjectResponse response = object.response();
		byte[] bytes = rotated.getBytes(StandardCharsets.UTF_8);
		PutObjectRequest.Builder put = PutObjectRequest.builder()
			.bucket(this.bucket)
			.key(key)
			.contentType(response.contentType())
			.contentEncoding(response.contentEncoding())
			.metadata(response.metadata());
		s3.putObject(put.build(), RequestBody.fromBytes(gzip ? gzip(bytes) : bytes));
	}

	/** The text with its tokens rotated, or {@code null} when all were current. */
	private String rotate(String text) {
		ObjectNode single = single(text);
		if (single != null) {
			return this.rotation.rotate(single) ? this.mapper.writeValueAsString(single) + (text.endsWith("\n") ? "\n" : "")
					: null;
		}
		String[] lines = text.split("\n", -1);
		boolean changed = false;
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			ObjectNode record = object(lines[i], i + 1);
			if (this.rotation.rotate(record)) {
				lines[i] = this.mapper.writeValueAsString(record);
				changed = true;
			}
		}
		return changed ? String.join("\n", lines) : null;
	}

	/** The record when the whole text is one JSON object (it may span lines), else {@code null}. */
	private ObjectNode single(String text) {
		try {
			return (this.mapper.readTree(text) instanceof ObjectNode record) ? record : null;
		}
		catch (JacksonException ex) {
			return null; // several lines, or not JSON: the line-by-line reading says which line
		}
	}

	private ObjectNode object(String line, int number) {
		try {
			JsonNode node = this.mapper.readTree(line);
			if (node instanceof ObjectNode record) {
				return record;
			}
		}
		catch (JacksonException ex) {
			// the message would quote the line; the line number is enough to find it
		}
		throw new TokenRotation.Failure("line " + number + ": not a JSON object");
	}

	private S3Client client() {
		S3ClientBuilder builder = S3Client.builder();
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint).forcePathStyle(true);
		}
		if (this.region != null) {
			builder.region(Region.of(this.region));
		}
		return builder.build();
	}

	private static byte[] gunzip(byte[] bytes) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new TokenRotation.Failure("starts like gzip but does not decompress");
		}
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
