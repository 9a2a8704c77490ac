package dev.userstream.deploy;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** YAML (one or many documents) as Jackson trees. */
final class Yaml {

	private static final YAMLMapper MAPPER = new YAMLMapper();

	private Yaml() {
	}

	static JsonNode read(String yaml) {
		return MAPPER.readTree(yaml);
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** Every non-empty document of a multi-document stream such as {@code helm template}'s output. */
	static List<JsonNode> readAll(String yaml) {
		try (var documents = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
			return documents.readAll().stream().filter((node) -> node != null && node.isObject()).toList();
		}
	}

}
