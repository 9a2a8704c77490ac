package dev.userstream.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The deploy files under test, read from the repository (the module's parent directory). */
final class RepositoryFiles {

	static final Path ROOT = Path.of(System.getProperty("userstream.repository.root", "..")).toAbsolutePath().normalize();

	static final Path CHART = ROOT.resolve("helm/userstream");

	static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

	static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");

	static final Path DOCKERFILE = ROOT.resolve("Dockerfile");

	static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");

	static final Path ALERT_RULES = PROMETHEUS.resolve("userstream-rules.yaml");

	static final Path DASHBOARD = ROOT.resolve("deploy/grafana/userstream.json");

	static final Path OPERATIONS = ROOT.resolve("docs/operations.md");

	private RepositoryFiles() {
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("cannot read " + file, ex);
		}
	}

}
