package dev.userstream.sink;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** Without a writer profile the sink refuses to start and says which profiles exist. */
@ExtendWith(OutputCaptureExtension.class)
class NoWriterProfileTests {

	@Test
	void refusesToStartWithoutJpaOrS3Profile(CapturedOutput output) {
		SpringApplication application = new SpringApplication(SinkApplication.class);
		assertThatException().isThrownBy(() -> application.run("--spring.main.web-application-type=none",
				"--spring.kafka.listener.auto-startup=false", "--spring.kafka.admin.auto-create=false"));
		assertThat(output).contains("Activate the profile 'jpa' (MySQL/MariaDB), 's3' (S3) or both");
	}

}
