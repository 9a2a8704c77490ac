package dev.userstream.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.userstream.model.Fernet;
import dev.userstream.model.UserRecordJson;
import dev.userstream.testsupport.EmbeddedS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code userstream rotate --s3-bucket} against S3Mock, on the object shapes the sink writes or will write:
 * one JSON record, NDJSON lines, gzip-compressed NDJSON; an object outside the prefix is not touched.
 */
class RotateS3IntegrationTests {

	private static S3Client s3;

	private final Keys keys = Keys.generate();

	private final String bucket = "rotate-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void credentials() {
		// the CLI uses the AWS SDK's default chain, as an operator's shell would; S3Mock takes any credentials
		System.setProperty("aws.accessKeyId", "test");
		System.setProperty("aws.secretAccessKey", "test");
		s3 = EmbeddedS3.server().client();
	}

	@AfterAll
	static void close() {
		s3.close();
	}

	@Test
	void rotatesEveryRecordOfEveryObjectOnceAndTheOldKeyCanBeDropped() {
		s3.createBucket((create) -> create.bucket(this.bucket));
		Fernet old = this.keys.oldOnly();
		Map<String, byte[]> objects = new LinkedHashMap<>();
		objects.put("users/dt=2026-12-01/user_id=a/1.json", bytes(record(old, "a", "\"nickname\":\"x\"") + "\n"));
		objects.put("users/dt=2026-12-01/part-0.ndjson", bytes(record(old, "b", null) + "\n" + record(old, "c", null) + "\n"));
		objects.put("users/dt=2026-12-02/part-1.ndjson.gz", gzip(bytes(record(old, "d", null) + "\n"
				+ record(this.keys.newOnly(), "e", null) + "\n")));
		objects.put("users/dt=2026-12-02/current.json", bytes(record(this.keys.newOnly(), "f", null)));
		objects.put("other/untouched.json", bytes(record(old, "g", null)));
		objects.forEach((key, content) -> s3.putObject((put) -> put.bucket(this.bucket).key(key)
			.contentType(key.endsWith(".gz") ? "application/x-ndjson" : "application/json")
			.metadata(Map.of("writer", "sink")), RequestBody.fromBytes(content)));
		String[] args = { "rotate", "--s3-bucket", this.bucket, "--s3-endpoint", EmbeddedS3.server().endpoint().toString(),
				"--region", "us-east-1", "--batch-size", "2" };

		CliRun first = CliRun.run(this.keys.rotationEnv(), args);

		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.out()).contains("objects scanned 4, rotated 3, already under the first key 1, failed 0");
		assertThat(first.err()).contains("2/4 objects (50%)", "4/4 objects (100%)");
		Fernet newOnly = this.keys.newOnly();
		Map<String, String> after = new LinkedHashMap<>();
		for (String key : objects.keySet()) {
			var object = s3.getObjectAsBytes((get) -> get.bucket(this.bucket).key(key));
			byte[] stored = object.asByteArray();
			String text = new String(key.endsWith(".gz") ? gunzip(stored) : stored, StandardCharsets.UTF_8);
			after.put(key, text);
			if (key.startsWith("other/")) {
				assertThat(stored).as("outside the prefix").isEqualTo(objects.get(key));
				continue;
			}
			GetObjectResponse response = object.response();
			assertThat(response.metadata()).as(key).containsEntry("writer", "sink");
			assertThat(response.contentType()).as(key).isEqualTo(key.endsWith(".gz") ? "application/x-ndjson" : "application/json");
			String original = new String(key.endsWith(".gz") ? gunzip(objects.get(key)) : objects.get(key), StandardCharsets.UTF_8);
			assertThat(text.lines().count()).as(key).isEqualTo(original.lines().count());
			assertThat(text.endsWith("\n")).as(key).isEqualTo(original.endsWith("\n"));
			text.lines().forEach((line) -> {
				JsonNode record = UserRecordJson.mapper().readTree(line);
				String userId = record.get("user_id").stringValue();
				assertThat(newOnly.decryptToString(record.get("email").stringValue())).isEqualTo(userId + "@example.com");
				assertThat(newOnly.decryptToString(record.get("username").stringValue())).isEqualTo("user-" + userId);
				assertThat(newOnly.decryptToString(record.get("password").stringValue())).isEqualTo("secret-" + userId);
			});
		}
		assertThat(after.get("users/dt=2026-12-01/user_id=a/1.json")).as("unknown fields are kept").contains("\"nickname\":\"x\"");

		CliRun second = CliRun.run(this.keys.rotationEnv(), args);

		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("objects scanned 4, rotated 0, already under the first key 4, failed 0",
				"nothing to rotate");
		for (String key : objects.keySet()) {
			byte[] stored = s3.getObjectAsBytes((get) -> get.bucket(this.bucket).key(key)).asByteArray();
			assertThat(new String(key.endsWith(".gz") ? gunzip(stored) : stored, StandardCharsets.UTF_8)).isEqualTo(after.get(key));
		}
	}

	@Test
	void anObjectNoKeyOpensIsCountedLeftAloneAndFailsTheRun() {
		s3.createBucket((create) -> create.bucket(this.bucket));
		Fernet stranger = Keys.generate().oldOnly();
		byte[] foreign = bytes(record(stranger, "x", null));
		s3.putObject((put) -> put.bucket(this.bucket).key("users/foreign.json"), RequestBody.fromBytes(foreign));
		s3.putObject((put) -> put.bucket(this.bucket).key("users/good.json"),
				RequestBody.fromBytes(bytes(record(this.keys.oldOnly(), "y", null))));

		CliRun run = CliRun.run(this.keys.rotationEnv(), "rotate", "--s3-bucket", this.bucket, "--s3-endpoint",
				EmbeddedS3.server().endpoint().toString(), "--region", "us-east-1");

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("objects scanned 2, rotated 1, already under the first key 0, failed 1",
				"do not drop an old key");
		assertThat(run.err()).contains("users/foreign.json: field email: ").doesNotContain("gAAAAA");
		assertThat(s3.getObjectAsBytes((get) -> get.bucket(this.bucket).key("users/foreign.json")).asByteArray())
			.isEqualTo(foreign);
	}

	private static String record(Fernet fernet, String userId, String extra) {
		ObjectNode record = UserRecordJson.mapper().createObjectNode();
		record.put("user_id", userId);
		record.put("name", "Name " + userId);
		record.put("email", fernet.encrypt(userId + "@example.com"));
		record.put("username", fernet.encrypt("user-" + userId));
		record.put("password", fernet.encrypt("secret-" + userId));
		String json = UserRecordJson.mapper().writeValueAsString(record);
		return (extra != null) ? json.substring(0, json.length() - 1) + "," + extra + "}" : json;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] gunzip(byte[] bytes) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
