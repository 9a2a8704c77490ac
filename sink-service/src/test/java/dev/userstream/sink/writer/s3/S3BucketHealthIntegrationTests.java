package dev.userstream.sink.writer.s3;

import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestConfiguration;
import dev.userstream.testsupport.S3TestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** A missing bucket keeps the sink out of service, with the fix in the readiness details. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pipeline.topic=s3-missing-users", "sink.s3.bucket=no-such-bucket-here" })
@ActiveProfiles("s3")
@Import({ KafkaTestConfiguration.class, S3TestConfiguration.class })
class S3BucketHealthIntegrationTests {

	@LocalManagementPort
	int managementPort;

	@Test
	void reportsNotReadyNamingTheMissingBucketAndTheFix() {
		Http.Response readiness = Http.get("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.body()).contains("no-such-bucket-here").contains("sink.s3.create-bucket=true");
		Http.Response liveness = Http.get("http://127.0.0.1:" + this.managementPort + "/actuator/health/liveness");
		assertThat(liveness.status()).isEqualTo(200);
	}

}
