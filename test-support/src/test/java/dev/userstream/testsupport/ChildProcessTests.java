package dev.userstream.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class ChildProcessTests {

	@TempDir
	Path directory;

	@Test
	void aRestartAppendsToTheLogThatTheFirstStartBeganAfresh() throws IOException {
		Path log = this.directory.resolve("logs").resolve("echo.log");
		Files.createDirectories(log.getParent());
		Files.writeString(log, "a previous run's output\n");
		ChildProcess echo = ChildProcess.of("echo", List.of("sh", "-c", "echo run"), Map.of(), log);
		echo.run(Duration.ofSeconds(30));
		echo.run(Duration.ofSeconds(30));
		assertThat(Files.readString(log)).isEqualTo("run\nrun\n");
	}

	@Test
	void settingsGoInThroughTheEnvironmentNotTheCommandLine() throws IOException {
		Path log = this.directory.resolve("env.log");
		ChildProcess.of("env", List.of("sh", "-c", "echo \"$SETTING\""), Map.of("SETTING", "from-the-environment"), log)
			.run(Duration.ofSeconds(30));
		assertThat(Files.readString(log)).isEqualTo("from-the-environment\n");
	}

	@Test
	void stopEndsAProcessThatIgnoresSigtermWithSigkill() {
		Path log = this.directory.resolve("stubborn.log");
		ChildProcess stubborn = ChildProcess.of("stubborn",
				List.of("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 1; done"), Map.of(), log).start();
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("ready"));
		stubborn.stop(Duration.ofMillis(200));
		assertThat(stubborn.isAlive()).isFalse();
		assertThat(stubborn.exitValue()).hasValue(128 + 9);
	}

	@Test
	void runFailsWithTheLogWhenTheProgramFails() {
		Path log = this.directory.resolve("failing.log");
		assertThatIllegalStateException()
			.isThrownBy(() -> ChildProcess.of("failing", List.of("sh", "-c", "exit 3"), Map.of(), log).run(Duration.ofSeconds(30)))
			.withMessageContainingAll("failing ended with 3", log.toString());
	}

}
