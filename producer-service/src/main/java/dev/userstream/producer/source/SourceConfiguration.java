package dev.userstream.producer.source;

import java.security.SecureRandom;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The {@link UserSource} that {@code producer.source} names. */
@Configuration(proxyBeanMethods = false)
class SourceConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SourceConfiguration.class);

	@Bean
	UserSource userSource(SourceProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			Clock clock, MeterRegistry meterRegistry) {
		return switch (properties.source()) {
			case RANDOMUSER -> randomUserClient(properties.randomuser(), restClientBuilder.getObject(), clock, meterRegistry);
			case SYNTHETIC -> syntheticUserSource(properties.synthetic(), clock);
		};
	}

	private static RandomUserClient randomUserClient(SourceProperties.RandomUser properties, RestClient.Builder builder,
			Clock clock, MeterRegistry meterRegistry) {
		logger.info("Source: randomuser at {}", properties.baseUrl());
		return new RandomUserClient(randomUserRestClient(builder, properties), properties, clock, Sleeper.THREAD,
				meterRegistry);
	}

	/** Boot's builder (message converters, observation) with the API root and explicit timeouts. */
	static RestClient randomUserRestClient(RestClient.Builder builder, SourceProperties.RandomUser properties) {
		HttpClientSettings timeouts = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		return builder.baseUrl(properties.baseUrl())
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(timeouts))
			.build();
	}

	private static SyntheticUserSource syntheticUserSource(SourceProperties.Synthetic properties, Clock clock) {
		long seed = (properties.seed() != null) ? properties.seed() : new SecureRandom().nextLong();
		logger.info("Source: synthetic, seed {} (set producer.synthetic.seed to repeat this run)", seed);
		return new SyntheticUserSource(seed, clock);
	}

}
