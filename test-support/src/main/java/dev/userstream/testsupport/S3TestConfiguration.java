package dev.userstream.testsupport;

import java.util.ArrayList;

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

	/**
	 * A LocalStack container with S3 alone. Testcontainers binds the Docker socket into LocalStack for
	 * its Lambda and ECS emulation; a bind makes it check once that files can be mounted, by starting
	 * an {@code alpine} container, an image the tests do not name (and one more pull). S3 needs neither.
	 */
	static LocalStackContainer s3Only() {
		LocalStackContainer container = new LocalStackContainer(
				DockerImageName.parse(System.getProperty("userstream.test.localstack-image", "localstack/localstack:4")))
			.withServices("s3")
			.withStartupTimeout(TestServices.CONTAINER_STARTUP_TIMEOUT);
		container.setBinds(new ArrayList<>());
		return container;
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersCondition.class)
	static class Containers {

		@Bean
		@ServiceConnection
		LocalStackContainer localStackContainer() {
			return s3Only();
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
