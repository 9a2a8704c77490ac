package dev.userstream.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real PostgreSQL database for a test context, instead of {@link DatabaseTestConfiguration}'s
 * MySQL-compatible one: a fresh database on the machine's server (see {@link PostgresDatabase}), or
 * with {@code -Pcontainers} a {@code postgres:17} container through {@code @ServiceConnection}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersCondition.class)
	static class Containers {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgresContainer() {
			return new PostgreSQLContainer(
					DockerImageName.parse(System.getProperty("userstream.test.postgres-image", "postgres:17")))
				.withStartupTimeout(TestServices.CONTAINER_STARTUP_TIMEOUT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersCondition.Embedded.class)
	static class Embedded {

		@Bean
		DynamicPropertyRegistrar postgresDatabaseProperties() {
			return (registry) -> {
				registry.add("spring.datasource.url", () -> PostgresDatabase.endpoint().url());
				registry.add("spring.datasource.username", () -> PostgresDatabase.endpoint().username());
				registry.add("spring.datasource.password", () -> PostgresDatabase.endpoint().password());
			};
		}

	}

}
