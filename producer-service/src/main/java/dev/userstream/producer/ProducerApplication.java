package dev.userstream.producer;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * producer-service: fetches users, encrypts their sensitive fields with Fernet and publishes them to
 * the users topic, keyed by user id.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProducerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ProducerApplication.class, args);
	}

	/** The clock of {@code produced_at}, ages and Retry-After dates. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
