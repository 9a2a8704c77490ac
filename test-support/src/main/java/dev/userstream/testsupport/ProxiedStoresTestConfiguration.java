package dev.userstream.testsupport;

import java.net.URI;

import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The database and the S3 server of this run (embedded, or containers with {@code -Pcontainers}),
 * reached by the application through {@link TcpProxy TCP proxies} that a test can cut and restore
 * to simulate an outage. Import instead of {@link DatabaseTestConfiguration} and
 * {@link S3TestConfiguration}; inject the proxies as {@code databaseProxy} and {@code s3Proxy}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProxiedStoresTestConfiguration {

	private static MySQLContainer mysql;

	private static LocalStackContainer localStack;

	@Bean(destroyMethod = "close")
	TcpProxy databaseProxy() {
		return database().proxy();
	}

	@Bean(destroyMethod = "close")
	TcpProxy s3Proxy() {
		URI endpoint = s3Endpoint();
		return new TcpProxy(endpoint.getHost(), endpoint.getPort());
	}

	@Bean
	DynamicPropertyRegistrar proxiedStoreProperties(TcpProxy databaseProxy, TcpProxy s3Proxy) {
		return (registry) -> {
			DatabaseEndpoint database = database().through(databaseProxy);
			registry.add("spring.datasource.url", database::url);
			registry.add("spring.datasource.username", database::username);
			registry.add("spring.datasource.password", database::password);
			registry.add("spring.cloud.aws.s3.endpoint", () -> "http://127.0.0.1:" + s3Proxy.port());
			registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
			registry.add("spring.cloud.aws.region.static", () -> "us-east-1");
			registry.add("spring.cloud.aws.credentials.access-key", () -> TestServices.containers() ? localStack.getAccessKey() : "test");
			registry.add("spring.cloud.aws.credentials.secret-key", () -> TestServices.containers() ? localStack.getSecretKey() : "test");
		};
	}

	private static synchronized DatabaseEndpoint database() {
		if (!TestServices.containers()) {
			return EmbeddedDatabase.endpoint();
		}
		if (mysql == null) {
			mysql = new MySQLContainer(DockerImageName.parse(System.getProperty("userstream.test.mysql-image", "mysql:8.4")))
				.withStartupTimeout(TestServices.CONTAINER_STARTUP_TIMEOUT);
			mysql.start();
		}
		return new DatabaseEndpoint(mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword());
	}

	private static synchronized URI s3Endpoint() {
		if (!TestServices.containers()) {
			return EmbeddedS3.server().endpoint();
		}
		if (localStack == null) {
			localStack = S3TestConfiguration.s3Only();
			localStack.start();
		}
		return localStack.getEndpoint();
	}

}
