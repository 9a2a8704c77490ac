package dev.userstream.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import dev.userstream.model.UserRecordJson;
import dev.userstream.testsupport.DatabaseEndpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a store really holds, counted in the store itself (not by the sink's counters): every stored
 * user, and how many of them are distinct.
 *
 * @param store which store
 * @param entries rows, or users in objects
 * @param userIds the distinct user ids among them
 * @param sampleKey one object's key (bucket only), to show how to look at one
 */
record StoreInventory(LocalRunOptions.Store store, long entries, Set<String> userIds, String sampleKey) {

	long duplicates() {
		return this.entries - this.userIds.size();
	}

	/** Every row of the {@code users} table. */
	static StoreInventory ofTable(DatabaseEndpoint database) throws Exception {
		long rows = 0;
		Set<String> ids = new HashSet<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT user_id FROM users")) {
			while (result.next()) {
				rows++;
				ids.add(result.getString(1));
			}
		}
		return new StoreInventory(LocalRunOptions.Store.JPA, rows, ids, null);
	}

	/**
	 * Every user in the bucket: one per {@code .json} object (per-record layout, named by user id),
	 * one per line of an {@code .ndjson} object (batch layout).
	 */
	static StoreInventory ofBucket(URI endpoint, String bucket) {
		long users = 0;
		Set<String> ids = new HashSet<>();
		String sample = null;
		try (S3Client s3 = client(endpoint)) {
			for (S3Object object : s3.listObjectsV2Paginator((r) -> r.bucket(bucket)).contents()) {
				String key = object.key();
				sample = (sample != null) ? sample : key;
				if (key.endsWith(".ndjson")) {
					ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes((r) -> r.bucket(bucket).key(key));
					for (String line : new String(bytes.asByteArray(), StandardCharsets.UTF_8).split("\n")) {
						if (!line.isBlank()) {
							users++;
							ids.add(UserRecordJson.read(line).userId());
						}
					}
				}
				else if (key.endsWith(".json")) {
					// per-record: users/dt=<day>/user_id=<id>/<version>.json, one object per version of a user
					users++;
					ids.add(key.substring(key.indexOf("/user_id=") + "/user_id=".length(), key.lastIndexOf('/')));
				}
			}
		}
		return new StoreInventory(LocalRunOptions.Store.S3, users, ids, sample);
	}

	static S3Client client(URI endpoint) {
		return S3Client.builder()
			.endpointOverride(endpoint)
			.forcePathStyle(true)
			.region(Region.of(LocalInfrastructure.REGION))
			.credentialsProvider(StaticCredentialsProvider.create(
					AwsBasicCredentials.create(LocalInfrastructure.S3_ACCESS_KEY, LocalInfrastructure.S3_ACCESS_KEY)))
			.build();
	}

}
