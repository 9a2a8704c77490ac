package dev.userstream.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Test fixtures copied from the shared fixtures: the Fernet spec's vectors and what the original
 * Python producer sent.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** A classpath resource as UTF-8 text. */
	public static String text(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A classpath resource parsed as JSON. */
	public static JsonNode json(String name) {
		return UserRecordJson.mapper().readTree(text(name));
	}

	/** The original producer's Kafka message values, one JSON object per element. */
	public static List<String> originalMessages() {
		return text("original-producer/messages.jsonl").lines().filter((line) -> !line.isBlank()).toList();
	}

	/** The key the original producer encrypted with. */
	public static String originalKey() {
		return text("original-producer/key.txt").strip();
	}

	/** What the original producer's messages hold: name, email, username, password, dob_date, dob_age. */
	public static JsonNode originalPlaintexts() {
		return json("original-producer/plaintexts.json");
	}

}
