package dev.userstream.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class UserstreamCliTests {

	@Test
	void everyCommandAndSubcommandHasHelp() {
		List<List<String>> paths = new ArrayList<>();
		collect(new CommandLine(new UserstreamCli(null, null, null, Map.of(), false)), new ArrayList<>(), paths);
		assertThat(paths).extracting((path) -> String.join(" ", path))
			.contains("", "crypto", "crypto genkey", "crypto encrypt", "crypto decrypt", "crypto decrypt-record",
					"crypto verifykeys", "dlt", "dlt replay", "rotate");

		for (List<String> path : paths) {
			List<String> args = new ArrayList<>(path);
			args.add("--help");
			CliRun run = CliRun.run(Map.of(), args.toArray(String[]::new));
			assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isZero();
			assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: userstream");
		}
	}

	@Test
	void printsItsVersion() {
		CliRun run = CliRun.run(Map.of(), "--version");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).matches("userstream \\d+\\.\\d+\\.\\d+.*\n");
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(CliRun.run(Map.of()).exitCode()).isEqualTo(2);
		assertThat(CliRun.run(Map.of(), "nonsense").exitCode()).isEqualTo(2);
		assertThat(CliRun.run(Map.of(), "crypto", "genkey", "extra").exitCode()).isEqualTo(2);
		assertThat(CliRun.run(Map.of(), "rotate").err()).contains("--jdbc-url", "--s3-bucket");
		assertThat(CliRun.run(Map.of(), "rotate", "--jdbc-url", "jdbc:x", "--s3-bucket", "b").exitCode()).isEqualTo(2);
		assertThat(CliRun.run(Map.of(), "dlt", "replay").exitCode()).isEqualTo(2);
		assertThat(CliRun.run(Map.of(), "dlt", "replay", "--bootstrap-servers", "x:1", "--since", "yesterday").exitCode())
			.isEqualTo(2);
	}

	@Test
	void rotateWithoutKeysSaysWhichVariableAndNeverTouchesTheStore() {
		CliRun run = CliRun.run(Map.of(), "rotate", "--jdbc-url", "jdbc:nothing:here");

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("PIPELINE_ENCRYPTION_KEYS is not set");
	}

	@Test
	void cryptoCommandsAreUserstreamCryptos() {
		CliRun genkey = CliRun.run(Map.of(), "crypto", "genkey");
		assertThat(genkey.exitCode()).as(genkey.toString()).isZero();
		Map<String, String> env = Map.of("PIPELINE_ENCRYPTION_KEYS", genkey.out().strip());

		CliRun encrypted = CliRun.withInput(env, "alice@example.com\n", "crypto", "encrypt");
		CliRun decrypted = CliRun.withInput(env, encrypted.out(), "crypto", "decrypt");
		CliRun bad = CliRun.withInput(env, "not-a-token\n", "crypto", "decrypt");

		assertThat(encrypted.out()).startsWith("gAAAAA");
		assertThat(decrypted.out()).isEqualTo("alice@example.com\n");
		assertThat(bad.exitCode()).isEqualTo(1);
		assertThat(bad.err()).startsWith("userstream crypto decrypt: line 1: ");
	}

	private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
		paths.add(path);
		command.getSubcommands().forEach((name, sub) -> {
			if (!name.equals("help")) {
				List<String> next = new ArrayList<>(path);
				next.add(name);
				collect(sub, next, paths);
			}
		});
	}

}
