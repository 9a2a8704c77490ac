package dev.userstream.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/** Test resources: recorded answers of randomuser.me, under src/test/resources. */
public final class Fixtures {

	private Fixtures() {
	}

	/** randomuser.me's answer to {@code /api/1.4/?results=2}: postcode as text and as a number. */
	public static String randomUserTwoUsers() {
		return read("randomuser/api-1.4-two-users.json");
	}

	private static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
