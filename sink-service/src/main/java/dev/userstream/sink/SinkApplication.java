package dev.userstream.sink;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * sink-service: consumes users from the users topic and stores each exactly once in MySQL
 * (profile {@code jpa}) and/or S3 (profile {@code s3}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SinkApplication {

	public static void main(String[] args) {
		SpringApplication.run(SinkApplication.class, args);
	}

}
