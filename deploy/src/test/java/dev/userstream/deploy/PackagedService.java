package dev.userstream.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;

/**
 * A service's packaged Boot jar, as the image runs it: the configuration metadata of the service and of
 * every library in it (Boot's, spring-kafka's, Spring Cloud AWS's ...), and its application.yaml.
 */
final class PackagedService {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private final Path jar;

	private PackagedService(Path jar) {
		this.jar = jar;
	}

	/** The jar Maven built in this reactor (failsafe passes its path). */
	static PackagedService of(DeployedServices service) {
		String path = System.getProperty("userstream." + service.module() + ".jar");
		if (path == null || !path.endsWith(".jar")) {
			throw new IllegalStateException("no packaged " + service.module() + " jar (run ./mvnw verify): " + path);
		}
		return new PackagedService(Path.of(path));
	}

	EnvBinding envBinding() {
		List<EnvBinding.Property> properties = new ArrayList<>();
		try (ZipFile zip = new ZipFile(this.jar.toFile())) {
			for (ZipEntry entry : zip.stream().toList()) {
				boolean own = entry.getName().endsWith(METADATA);
				boolean library = entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar");
				if (own || library) {
					try (InputStream in = zip.getInputStream(entry)) {
						if (own) {
							addProperties(in, properties);
						}
						else {
							addNestedProperties(in, properties);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new EnvBinding(properties);
	}

	/** The service's own application.yaml (its first document: the defaults without a profile). */
	JsonNode applicationYaml() {
		try (ZipFile zip = new ZipFile(this.jar.toFile());
				InputStream in = zip.getInputStream(zip.getEntry("BOOT-INF/classes/application.yaml"))) {
			return Yaml.readAll(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void addNestedProperties(InputStream nestedJar, List<EnvBinding.Property> properties)
			throws IOException {
		try (ZipInputStream zip = new ZipInputStream(nestedJar)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals(METADATA)) {
					addProperties(zip, properties);
				}
			}
		}
	}

	private static void addProperties(InputStream json, List<EnvBinding.Property> properties) throws IOException {
		JsonNode metadata = new tools.jackson.databind.ObjectMapper().readTree(json.readAllBytes());
		for (JsonNode property : metadata.path("properties")) {
			properties.add(EnvBinding.Property.of(property.path("name").asString(), property.path("type").asString(null)));
		}
	}

}
