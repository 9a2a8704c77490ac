package dev.userstream.sink.writer.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.UserBatch;
import dev.userstream.sink.writer.UserWriter;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes users as JSON objects, one per version of a user (the {@code per-record} layout; {@link S3RolledFiles}
 * is the {@code batch} layout), so the bucket keeps the history that the {@code users} table replaces.
 * Keys are deterministic ({@link S3ObjectKeys}), so redelivery overwrites instead of duplicating. A
 * batch's PutObject requests run in parallel; the batch is
 * durable when every one of them returned 200.
 */
@Component
@Profile("s3")
@Conditional(S3LayoutConditions.PerRecord.class)
@Order(2)
class S3UserWriter implements UserWriter, DisposableBean {

	private static final String JSON = "application/json";

	private final S3Client s3;

	private final S3WriterProperties properties;

	private final ExecutorService uploads;

	S3UserWriter(S3Client s3, S3WriterProperties properties) {
		this.s3 = s3;
		this.properties = properties;
		AtomicInteger threads = new AtomicInteger();
		this.uploads = Executors.newFixedThreadPool(properties.uploadConcurrency(), (task) -> {
			Thread thread = new Thread(task, "s3-upload-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public String name() {
		return "s3";
	}

	@Override
	public void write(UserBatch batch) {
		Map<String, Upload> objects = perRecordObjects(batch);
		List<CompletableFuture<Void>> puts = new ArrayList<>(objects.size());
		// the first failed upload fails the batch at once: against an S3 that has gone silent, waiting for
		// every upload to time out in turn would take (objects / upload-concurrency) timeouts, past
		// max.poll.interval.ms; uploads not started yet are cancelled, the batch is retried as a whole
		CompletableFuture<Void> firstFailure = new CompletableFuture<>();
		objects.forEach((key, upload) -> puts.add(CompletableFuture.runAsync(() -> put(key, upload), this.uploads)
			.whenComplete((done, failure) -> {
				if (failure != null) {
					firstFailure.completeExceptionally(failure);
				}
			})));
		try {
			CompletableFuture.anyOf(CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)), firstFailure).join();
		}
		catch (CompletionException ex) {
			puts.forEach((put) -> put.cancel(false));
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	private Map<String, Upload> perRecordObjects(UserBatch batch) {
		Map<String, Upload> objects = new LinkedHashMap<>();
		for (IncomingUser user : batch.users()) {
			String json = json(user);
			objects.putIfAbsent(S3ObjectKeys.perRecord(user, json), new Upload(json, JSON));
		}
		return objects;
	}

	private void put(String key, Upload upload) {
		this.s3.putObject((request) -> request.bucket(this.properties.bucket()).key(key).contentType(upload.contentType()),
				RequestBody.fromBytes(upload.content().getBytes(StandardCharsets.UTF_8)));
	}

	private static String json(IncomingUser user) {
		return UserRecordJson.write(user.toRecord());
	}

	@Override
	public void destroy() {
		this.uploads.shutdownNow();
	}

	private record Upload(String content, String contentType) {
	}

}
