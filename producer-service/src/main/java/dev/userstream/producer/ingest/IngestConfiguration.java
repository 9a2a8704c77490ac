package dev.userstream.producer.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP ingestion, present only when tokens are configured. The bearer check is a plain servlet filter
 * on {@code /api/*}, not Spring Security: one endpoint with static tokens needs a header comparison,
 * and Spring Security would also take over the actuator probes and every default (sessions, CSRF,
 * a generated password) for nothing.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(IngestEnabledCondition.class)
@SecurityScheme(name = IngestConfiguration.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "One of the tokens of producer.ingest.tokens")
class IngestConfiguration {

	static final String SECURITY_SCHEME = "bearer";

	@Bean
	BearerTokens ingestTokens(IngestProperties properties) {
		return new BearerTokens(properties.tokens());
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(BearerTokens ingestTokens, MeterRegistry meterRegistry) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
				new BearerTokenFilter(ingestTokens, IngestMetrics.rejected(meterRegistry, 401)));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

}
