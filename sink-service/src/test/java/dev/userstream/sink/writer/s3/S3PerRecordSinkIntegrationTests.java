package dev.userstream.sink.writer.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.TestUsers;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.S3TestConfiguration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The s3 profile, per-record layout, end to end on the real broker and a real S3 server. */
@SpringBootTest(properties = { "pipeline.topic=s3-it-users", "spring.kafka.consumer.group-id=s3-it",
		"sink.s3.bucket=s3-it-bucket", "sink.s3.create-bucket=true" })
@ActiveProfiles("s3")
@Import({ KafkaTestConfiguration.class, S3TestConfiguration.class })
class S3PerRecordSinkIntegrationTests {

	static final String TOPIC = "s3-it-users";

	static final String BUCKET = "s3-it-bucket";

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	S3Client s3;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	KafkaTestClients clients;

	@BeforeEach
	void createTopic() {
		this.clients = new KafkaTestClients(String.join(",", this.kafka.getBootstrapServers()));
		this.clients.createTopic(TOPIC, 3);
	}

	@Test
	void storesOneJsonObjectPerVersionAsSentAndOverwritesItOnRedelivery() throws Exception {
		List<UserRecord> users = TestUsers.users(300);
		try (KafkaProducer<String, byte[]> producer = this.clients.producer()) {
			users.forEach((user) -> producer.send(new ProducerRecord<>(TOPIC, user.userId(), TestUsers.json(user))));
		}
		await().atMost(Duration.ofSeconds(90)).until(() -> objects().size() >= users.size());
		assertThat(objects()).hasSize(users.size());
		for (UserRecord user : users.subList(0, 10)) {
			String key = key(user);
			ResponseBytes<GetObjectResponse> object = this.s3.getObjectAsBytes((r) -> r.bucket(BUCKET).key(key));
			assertThat(object.response().contentType()).isEqualTo("application/json");
			assertThat(object.asString(StandardCharsets.UTF_8)).isEqualTo(UserRecordJson.write(user));
		}

		TestUsers.redeliverEverything(this.listeners, this.clients, "s3-it", TOPIC);
		assertThat(objects()).hasSize(users.size());
	}

	/** {@code users/dt=<day>/user_id=<id>/<produced_at, epoch ms, 13 digits>-<SHA-256 of the JSON, 16 hex digits>.json} */
	static String key(UserRecord user) throws NoSuchAlgorithmException {
		byte[] json = UserRecordJson.write(user).getBytes(StandardCharsets.UTF_8);
		return "users/dt=" + LocalDate.ofInstant(user.producedAt(), ZoneOffset.UTC) + "/user_id=" + user.userId() + "/"
				+ String.format("%013d", user.producedAt().toEpochMilli()) + "-"
				+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 16) + ".json";
	}

	private List<S3Object> objects() {
		return this.s3.listObjectsV2Paginator((r) -> r.bucket(BUCKET).prefix("users/")).contents().stream().toList();
	}

}
