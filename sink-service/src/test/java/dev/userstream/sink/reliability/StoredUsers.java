package dev.userstream.sink.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedS3;
import dev.userstream.testsupport.S3ServerProcess;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * What a sink process stored, read straight from the store: every row or object is listed (not
 * counted distinct), so a duplicate shows as a repeated id.
 */
final class StoredUsers {

	private StoredUsers() {
	}

	/** The {@code user_id} of every row whose {@code source} is {@code source} (empty before the table exists). */
	static List<String> rows(String source) {
		List<String> ids = new ArrayList<>();
		try (Connection connection = EmbeddedDatabase.endpoint().connect();
				PreparedStatement query = connection.prepareStatement("SELECT user_id FROM users WHERE source = ?")) {
			query.setString(1, source);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					ids.add(result.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			return List.of(); // the sink's Flyway migration has not run yet
		}
		return ids;
	}

	/** The user id of every object under {@code users/} in the bucket of the suite's S3 server, listed with ListObjectsV2. */
	static List<String> objects(String bucket) {
		return objects(EmbeddedS3.server(), bucket);
	}

	/** The user id of every object under {@code users/} in the bucket, listed with ListObjectsV2. */
	static List<String> objects(S3ServerProcess server, String bucket) {
		try (S3Client s3 = server.client()) {
			return s3.listObjectsV2Paginator((request) -> request.bucket(bucket).prefix("users/"))
				.contents()
				.stream()
				.map((object) -> userId(object.key()))
				.toList();
		}
		catch (NoSuchBucketException ex) {
			return List.of(); // the sink creates it at start-up
		}
	}

	/** The user id in a per-record key, {@code users/dt=<day>/user_id=<id>/<version>.json}. */
	static String userId(String key) {
		return key.split("/")[2].replace("user_id=", "");
	}

	/** Every object key in the bucket. */
	static List<String> keys(String bucket) {
		try (S3Client s3 = EmbeddedS3.server().client()) {
			return s3.listObjectsV2Paginator((request) -> request.bucket(bucket)).contents().stream().map((o) -> o.key()).toList();
		}
	}

}
