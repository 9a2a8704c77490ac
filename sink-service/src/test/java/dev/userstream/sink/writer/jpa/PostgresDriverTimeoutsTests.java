package dev.userstream.sink.writer.jpa;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDriverTimeoutsTests {

	final PostgresDriverTimeouts timeouts = new PostgresDriverTimeouts();

	@Test
	void givesPostgresqlsDriverItsTimeoutsInSecondsRoundedUp() {
		HikariDataSource dataSource = dataSource("jdbc:postgresql://127.0.0.1:5432/userstream");

		this.timeouts.postProcessAfterInitialization(dataSource, "dataSource");

		assertThat(dataSource.getDataSourceProperties()).containsEntry("socketTimeout", "60")
			.containsEntry("connectTimeout", "11")
			.containsEntry("reWriteBatchedInserts", "true");
	}

	@Test
	void leavesMariadbAndMysqlInMilliseconds() {
		HikariDataSource mariadb = dataSource("jdbc:mariadb://127.0.0.1:3306/userstream");
		HikariDataSource mysql = dataSource("jdbc:mysql://127.0.0.1:3306/userstream");

		this.timeouts.postProcessAfterInitialization(mariadb, "dataSource");
		this.timeouts.postProcessAfterInitialization(mysql, "dataSource");

		assertThat(mariadb.getDataSourceProperties()).containsEntry("socketTimeout", "60000");
		assertThat(mysql.getDataSourceProperties()).containsEntry("connectTimeout", "10001");
	}

	private static HikariDataSource dataSource(String url) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.addDataSourceProperty("socketTimeout", "60000");
		dataSource.addDataSourceProperty("connectTimeout", "10001");
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		return dataSource;
	}

}
