package dev.userstream.testsupport;

import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real S3 server for a test context: the shared S3Mock process, or with {@code -Pcontainers} a
 * LocalStack container through {@code @ServiceConnection}. Both are addressed path-style.
 */
@TestConfiguration(proxyBeanMethods = false)
public class S3TestConfiguration {

	@Bean
	DynamicPropertyRegistrar s3PathStyleProperties() {
		return (registry) -> registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersCondition.class)
	static class Containers {

		@Bean
		@ServiceConnection
		LocalStackContainer localStackContainer() {
			return new LocalStackContainer(DockerImageName.parse(System.getProperty("userstream.test.localstack-image", "localstack/localstack:4")))
				.withServices("s3");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersCondition.Embedded.class)
	static class Embedded {

		@Bean
		DynamicPropertyRegistrar embeddedS3Properties() {
			return (registry) -> {
				registry.add("spring.cloud.aws.s3.endpoint", () -> EmbeddedS3.server().endpoint().toString());
				registry.add("spring.cloud.aws.region.static", () -> "us-east-1");
				registry.add("spring.cloud.aws.credentials.access-key", () -> "test");
				registry.add("spring.cloud.aws.credentials.secret-key", () -> "test");
			};
		}

	}

}
