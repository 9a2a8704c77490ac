package dev.userstream.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published schema is shipped: the plain {@code shared-model} jar (what the services depend on) and
 * {@code userstream-crypto.jar} hold it at {@link UserRecordJson#SCHEMA_RESOURCE}, byte for byte the
 * source file. Runs in the verify phase, after package has built the jars.
 */
class SchemaInJarIntegrationTests {

	private static final Path BASE = Path.of(System.getProperty("basedir", "."));

	@Test
	void bothJarsHoldTheSchema() throws IOException {
		byte[] source = Files.readAllBytes(BASE.resolve("src/main/resources").resolve(UserRecordJson.SCHEMA_RESOURCE));
		List<Path> jars;
		try (Stream<Path> files = Files.list(BASE.resolve("target"))) {
			jars = files.filter((file) -> file.getFileName().toString().matches("(shared-model-.*|userstream-crypto)\\.jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-sources.jar"))
				.toList();
		}
		assertThat(jars).hasSize(2);
		for (Path jar : jars) {
			try (JarFile file = new JarFile(jar.toFile())) {
				assertThat(file.getEntry(UserRecordJson.SCHEMA_RESOURCE)).as(jar.toString()).isNotNull();
				try (InputStream in = file.getInputStream(file.getEntry(UserRecordJson.SCHEMA_RESOURCE))) {
					assertThat(in.readAllBytes()).as(jar.toString()).isEqualTo(source);
				}
			}
		}
	}

}
