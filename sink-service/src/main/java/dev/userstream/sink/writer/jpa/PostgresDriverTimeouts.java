package dev.userstream.sink.writer.jpa;

import java.util.List;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The driver timeouts of {@code application-jpa.yaml} ({@code socketTimeout}, {@code connectTimeout})
 * are milliseconds, as MariaDB's and MySQL's drivers read them; PostgreSQL's driver reads the same
 * names in seconds, so on a {@code jdbc:postgresql:} URL they are converted (rounded up) before the
 * pool opens its first connection. Hikari passes these properties to whichever driver the URL picks,
 * and has no per-driver section, hence this.
 */
@Component
@Profile("jpa")
class PostgresDriverTimeouts implements BeanPostProcessor {

	static final List<String> MILLISECOND_TIMEOUTS = List.of("socketTimeout", "connectTimeout");

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && isPostgres(dataSource.getJdbcUrl())) {
			toSeconds(dataSource.getDataSourceProperties());
		}
		return bean;
	}

	static boolean isPostgres(String jdbcUrl) {
		return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
	}

	static void toSeconds(Properties driverProperties) {
		for (String name : MILLISECOND_TIMEOUTS) {
			Object millis = driverProperties.get(name);
			if (millis != null) {
				driverProperties.put(name, Long.toString((Long.parseLong(millis.toString().strip()) + 999) / 1000));
			}
		}
	}

}
