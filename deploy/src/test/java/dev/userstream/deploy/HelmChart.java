package dev.userstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import tools.jackson.databind.JsonNode;

/** helm/userstream, linted and rendered by Helm itself (helm-java embeds Helm 3). */
final class HelmChart {

	static final String RELEASE = "us";

	private HelmChart() {
	}

	static LintResult lintStrict() {
		return new Helm(RepositoryFiles.CHART).lint().strict().call();
	}

	/**
	 * {@code helm template us helm/userstream -f values.yaml}, parsed; the values are given with dotted keys
	 * ({@code sink.s3.bucket}) and keep their types (lists, booleans), unlike {@code --set}.
	 */
	static Rendered render(Map<String, ?> values) {
		return render(RepositoryFiles.CHART, values);
	}

	/** {@link #render(Map)} of a chart in another directory (e.g. a test's modified copy). */
	static Rendered render(Path chart, Map<String, ?> values) {
		Path valuesFile = writeValues(values);
		try {
			TemplateCommand template = new Helm(chart).template()
				.withName(RELEASE)
				.withNamespace("userstream")
				.withValuesFile(valuesFile);
			return new Rendered(Yaml.readAll(template.call()));
		}
		finally {
			valuesFile.toFile().delete();
		}
	}

	private static Path writeValues(Map<String, ?> dotted) {
		Map<String, Object> nested = new LinkedHashMap<>();
		dotted.forEach((key, value) -> {
			Map<String, Object> parent = nested;
			String[] names = key.split("\\.");
			for (int i = 0; i < names.length - 1; i++) {
				parent = nestedMap(parent, names[i]);
			}
			parent.put(names[names.length - 1], value);
		});
		try {
			Path file = Files.createTempFile("userstream-values", ".yaml");
			Files.writeString(file, Yaml.write(nested));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nestedMap(Map<String, Object> parent, String name) {
		return (Map<String, Object>) parent.computeIfAbsent(name, (key) -> new LinkedHashMap<String, Object>());
	}

	/** The rendered Kubernetes objects. */
	record Rendered(List<JsonNode> objects) {

		Stream<JsonNode> ofKind(String kind) {
			return this.objects.stream().filter((object) -> kind.equals(object.path("kind").asString()));
		}

		Optional<JsonNode> find(String kind, String name) {
			return ofKind(kind).filter((object) -> name.equals(object.at("/metadata/name").asString())).findFirst();
		}

		JsonNode get(String kind, String name) {
			return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names()));
		}

		/** The only container of a component's Deployment ({@code producer} or {@code sink}). */
		JsonNode container(String component) {
			JsonNode containers = get("Deployment", RELEASE + "-userstream-" + component).at("/spec/template/spec/containers");
			if (containers.size() != 1) {
				throw new AssertionError(component + " should have one container: " + containers);
			}
			return containers.get(0);
		}

		/** Environment of a component: its ConfigMap's data (envFrom) and its plain {@code env} values. */
		Map<String, String> plainEnv(String component) {
			Map<String, String> env = new java.util.TreeMap<>();
			JsonNode container = container(component);
			for (JsonNode from : container.path("envFrom")) {
				get("ConfigMap", from.at("/configMapRef/name").asString()).path("data").properties()
					.forEach((entry) -> env.put(entry.getKey(), entry.getValue().asString()));
			}
			for (JsonNode variable : container.path("env")) {
				if (variable.has("value")) {
					env.put(variable.path("name").asString(), variable.path("value").asString());
				}
			}
			return env;
		}

		/** Env names a component reads from a Secret, with the secretKeyRef each one uses. */
		Map<String, JsonNode> secretEnv(String component) {
			Map<String, JsonNode> env = new java.util.TreeMap<>();
			for (JsonNode variable : container(component).path("env")) {
				JsonNode ref = variable.at("/valueFrom/secretKeyRef");
				if (!ref.isMissingNode()) {
					env.put(variable.path("name").asString(), ref);
				}
			}
			return env;
		}

		List<String> names() {
			return this.objects.stream()
				.map((object) -> object.path("kind").asString() + "/" + object.at("/metadata/name").asString())
				.toList();
		}

	}

}
