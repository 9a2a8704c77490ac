package dev.userstream.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml as Compose sees it with the variables of .env.example: {@code ${NAME}},
 * {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?message}} and {@code ${NAME?message}}
 * are replaced before parsing, like Compose does.
 */
final class ComposeFile {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

	private ComposeFile() {
	}

	/** The raw text's variables: name to the operator and word that follow it (empty when none). */
	static Map<String, String> variables(String text) {
		Map<String, String> variables = new LinkedHashMap<>();
		Matcher matcher = VARIABLE.matcher(text);
		while (matcher.find()) {
			String operator = (matcher.group(2) != null) ? matcher.group(2) : "";
			variables.putIfAbsent(matcher.group(1), operator);
		}
		return variables;
	}

	static JsonNode read(Map<String, String> environment) {
		return Yaml.read(interpolate(RepositoryFiles.read(RepositoryFiles.COMPOSE), environment));
	}

	static String interpolate(String text, Map<String, String> environment) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String value = environment.get(matcher.group(1));
			String operator = (matcher.group(2) != null) ? matcher.group(2) : "";
			boolean unset = (value == null) || (operator.startsWith(":") && value.isEmpty());
			if (unset && operator.endsWith("?")) {
				throw new IllegalStateException("required variable " + matcher.group(1) + ": " + matcher.group(3));
			}
			String replacement = (unset && operator.endsWith("-")) ? matcher.group(3) : ((value != null) ? value : "");
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/** KEY=value lines of a .env file (comments and blank lines skipped). */
	static Map<String, String> envFile(String text) {
		Map<String, String> env = new LinkedHashMap<>();
		text.lines().map(String::strip).filter((line) -> !line.isEmpty() && !line.startsWith("#")).forEach((line) -> {
			int equals = line.indexOf('=');
			env.put(line.substring(0, equals), line.substring(equals + 1));
		});
		return env;
	}

	/** The app services: those built from the Dockerfile, with the service module they run. */
	static Map<String, DeployedServices> appServices(JsonNode compose) {
		Map<String, DeployedServices> apps = new LinkedHashMap<>();
		compose.path("services").properties().forEach((entry) -> {
			JsonNode service = entry.getValue().at("/build/args/SERVICE");
			if (!service.isMissingNode()) {
				apps.put(entry.getKey(), DeployedServices.of(service.asString()));
			}
		});
		return apps;
	}

	/** Environment names and values of one service ({@code environment:} as a map). */
	static Map<String, String> environment(JsonNode service) {
		Map<String, String> env = new LinkedHashMap<>();
		service.path("environment").properties().forEach((entry) -> env.put(entry.getKey(), entry.getValue().asString()));
		return env;
	}

}
