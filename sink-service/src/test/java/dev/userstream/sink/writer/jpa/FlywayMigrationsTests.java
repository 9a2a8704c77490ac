package dev.userstream.sink.writer.jpa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations as the sink's Flyway finds them ({@code db/migration/{vendor}}). A database that ran
 * a script validates it at every start by version, description and checksum, so a released script
 * never changes, wherever it lives: V1 moved from {@code db/migration} to {@code db/migration/mysql}
 * with the checksum it was released with. MariaDB runs MySQL's scripts, copied by the build.
 */
class FlywayMigrationsTests {

	@ParameterizedTest
	@CsvSource({ "mysql, 278883295", "mariadb, 278883295", "postgresql, -939006500" })
	void v1KeepsTheChecksumItWasReleasedWith(String vendor, int checksum) {
		String location = "classpath:db/migration/" + vendor;
		ClassPathResource script = new ClassPathResource(new Location(location),
				"db/migration/" + vendor + "/V1__create_users_table.sql", getClass().getClassLoader(), StandardCharsets.UTF_8);
		assertThat(script.exists()).as(location).isTrue();
		assertThat(ChecksumCalculator.calculate(script)).as(location).isEqualTo(checksum);
	}

	@Test
	void mariadbRunsExactlyTheMysqlScripts() throws IOException {
		Map<String, byte[]> mysql = scripts("mysql");
		assertThat(mysql).isNotEmpty();
		assertThat(scripts("mariadb")).containsOnlyKeys(mysql.keySet())
			.allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(mysql.get(name)));
	}

	@Test
	void postgresqlHasAScriptForEveryMysqlVersion() throws IOException {
		assertThat(scripts("postgresql")).containsOnlyKeys(scripts("mysql").keySet());
	}

	private static Map<String, byte[]> scripts(String vendor) throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/migration/" + vendor + "/*.sql");
		Map<String, byte[]> scripts = new TreeMap<>();
		for (Resource resource : resources) {
			scripts.put(resource.getFilename(), resource.getContentAsByteArray());
		}
		return scripts;
	}

}
