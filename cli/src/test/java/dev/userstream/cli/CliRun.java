package dev.userstream.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the CLI in-process with its own environment and streams, as the jar's main would. */
record CliRun(int exitCode, String out, String err) {

	static CliRun withInput(Map<String, String> env, String stdin, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = UserstreamCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env,
				false);
		return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static CliRun run(Map<String, String> env, String... args) {
		return withInput(env, "", args);
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
	}

}
