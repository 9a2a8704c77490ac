package dev.userstream.model;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process with stdin text and captures its exit code, stdout and stderr (UTF-8), for
 * the tests that prove interoperability with real programs (python3, java -jar).
 */
public final class ExternalProcess {

	private ExternalProcess() {
	}

	/** Runs a command to completion, failing the test if it outlives the timeout. */
	public static Result run(List<String> command, Map<String, String> env, String stdin) {
		try {
			Path stderr = Files.createTempFile("external-process", ".err");
			try {
				return run(command, env, stdin, stderr);
			}
			finally {
				Files.deleteIfExists(stderr);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Result run(List<String> command, Map<String, String> env, String stdin, Path stderr)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
		env.forEach((name, value) -> {
			if (value == null) {
				builder.environment().remove(name);
			}
			else {
				builder.environment().put(name, value);
			}
		});
		Process process = builder.start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		// read stdout to the end before waiting, so a full pipe cannot block the child
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("timed out: " + command);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return new Result(process.exitValue(), out, Files.readString(stderr, StandardCharsets.UTF_8));
	}

	/** What a finished process left. */
	public record Result(int exitCode, String stdout, String stderr) {

		/** Stdout's lines. */
		public List<String> lines() {
			return this.stdout.lines().toList();
		}

	}

}
