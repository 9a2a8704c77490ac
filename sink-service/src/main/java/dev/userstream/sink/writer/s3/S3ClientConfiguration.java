package dev.userstream.sink.writer.s3;

import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Bounded S3 calls: without these the SDK waits on a silent S3 endpoint (packets dropped, a hung
 * proxy) for as long as the socket allows, and the batch with it, past {@code max.poll.interval.ms}.
 * Spring Cloud AWS has no property for them, hence a customizer.
 */
@Configuration(proxyBeanMethods = false)
@Profile("s3")
class S3ClientConfiguration {

	@Bean
	S3ClientCustomizer s3ClientTimeouts(S3ClientProperties properties) {
		return (builder) -> builder.overrideConfiguration((config) -> config.apiCallTimeout(properties.apiCallTimeout())
			.apiCallAttemptTimeout(properties.apiCallAttemptTimeout()));
	}

}
