package dev.userstream.model.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.userstream.model.FernetException;
import tools.jackson.core.JacksonException;

/**
 * Feeds the non-blank lines of UTF-8 input to a handler and turns a failure on one line into exit
 * code 1 with the line number, so that an operator can find it ({@code sed -n 42p}) without the
 * tool ever echoing a token or a plaintext.
 */
final class InputLines {

	private InputLines() {
	}

	static void forEach(InputStream in, LineHandler handler) {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		int number = 0;
		try {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (!line.isBlank()) {
					handle(handler, line, number);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read stdin", ex);
		}
	}

	private static void handle(LineHandler handler, String line, int number) {
		try {
			handler.handle(line);
		}
		catch (FernetException ex) {
			throw new CliException(CliException.BAD_INPUT,
					"line " + number + ": " + ex.getMessage() + " [" + ex.reason() + "]");
		}
		catch (JacksonException ex) {
			// the original message quotes the input; keep only the kind of error
			throw new CliException(CliException.BAD_INPUT, "line " + number + ": not a JSON object");
		}
		catch (InvalidRecordException ex) {
			throw new CliException(CliException.BAD_INPUT, "line " + number + ": " + ex.getMessage());
		}
	}

	@FunctionalInterface
	interface LineHandler {

		void handle(String line);

	}

	/** A line that is JSON but not a record this tool can decrypt. */
	static final class InvalidRecordException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InvalidRecordException(String message) {
			super(message, null, false, false);
		}

	}

}
