package dev.userstream.sink.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Readiness contributor {@code db}, in place of Spring Boot's, answered within a bound. Boot's
 * {@code DataSourceHealthIndicator} checks with {@code Connection.isValid(0)}, which means no timeout:
 * against a database that drops packets, a check that gets a connection the pool hands out unchecked
 * (used within the last half second) waits for the driver's socket timeout (60 s), and a readiness
 * probe times out instead of reading DOWN. Here the checked connection gets a JDBC network timeout
 * (Hikari restores the pool's own when the connection goes back), so a check takes at most the pool's
 * {@code connection-timeout} plus {@link #TIMEOUT}. Details never carry an exception's message, which
 * may hold a connection string.
 */
@Component("dbHealthIndicator")
@Profile("jpa")
class DatabaseHealthIndicator implements HealthIndicator {

	static final Duration TIMEOUT = Duration.ofSeconds(2);

	// setNetworkTimeout wants an executor for drivers that abort asynchronously; the drivers we support
	// set a socket timeout and need none of their own
	private static final Executor DIRECT = Runnable::run;

	private final DataSource dataSource;

	DatabaseHealthIndicator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Health health() {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setNetworkTimeout(DIRECT, (int) TIMEOUT.toMillis());
			String database = connection.getMetaData().getDatabaseProductName();
			Health.Builder health = connection.isValid((int) TIMEOUT.toSeconds()) ? Health.up() : Health.down();
			return health.withDetail("database", database).withDetail("validationQuery", "isValid()").build();
		}
		catch (SQLException | RuntimeException ex) {
			return Health.down().withDetail("error", ex.getClass().getName()).build();
		}
	}

}
