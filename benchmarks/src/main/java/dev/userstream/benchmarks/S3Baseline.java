package dev.userstream.benchmarks;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The raw limit of the per-record S3 layout: a plain SDK {@code PutObject} loop of the same objects
 * (same keys, same JSON) with as many requests in flight as the sink ({@value #CONCURRENCY}, its
 * {@code sink.s3.upload-concurrency} default).
 */
final class S3Baseline implements AutoCloseable {

	static final int CONCURRENCY = 16;

	private final S3Client s3;

	private final ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);

	private int buckets;

	S3Baseline(URI endpoint) {
		this.s3 = S3Client.builder()
			.endpointOverride(endpoint)
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	/** Objects/s over the repeats, each into a new bucket, after a warm-up. */
	Figure putObjects(Workload users, int repeat) {
		put(users.warmup());
		double[] rates = new double[repeat];
		for (int i = 0; i < repeat; i++) {
			rates[i] = users.measured().size() / put(users.measured());
		}
		return Figure.of(rates);
	}

	private double put(List<UserRecord> users) {
		String bucket = "bench-raw-put-" + (++this.buckets);
		this.s3.createBucket((request) -> request.bucket(bucket));
		long start = System.nanoTime();
		List<CompletableFuture<Void>> puts = new ArrayList<>(users.size());
		for (UserRecord user : users) {
			puts.add(CompletableFuture.runAsync(() -> this.s3.putObject((request) -> request.bucket(bucket)
				.key("users/dt=" + user.producedAt().atZone(ZoneOffset.UTC).toLocalDate() + "/" + user.userId() + ".json")
				.contentType("application/json"), RequestBody.fromString(UserRecordJson.write(user))), this.threads));
		}
		CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
		return (System.nanoTime() - start) / 1e9;
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
		this.s3.close();
	}

}
