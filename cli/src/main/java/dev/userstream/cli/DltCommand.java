package dev.userstream.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import dev.userstream.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code userstream dlt}: the dead-letter topic. */
@Command(name = "dlt", mixinStandardHelpOptions = true, description = "Work with the dead-letter topic (<topic>-dlt).",
		subcommands = DltCommand.Replay.class)
final class DltCommand extends CommandGroup {

	@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "Re-publish dead letters from <topic>-dlt to <topic>, with their original key, value and headers,",
					"after the cause is fixed; prints how many per reason.",
					"",
					"The replay commits its own consumer group's offsets on the dead-letter topic after each",
					"acknowledged batch: a second replay with the same --reason sends nothing it sent before. It",
					"reads up to the end the topic had when it started, so records dead-lettered again meanwhile",
					"wait for the next replay. The sink stores a replayed user once, whatever was sent twice." },
			footer = { "", "Exit codes: 0 done, 1 failed (nothing after the last committed batch was lost: run it again), 2 usage." })
	static final class Replay implements Callable<Integer> {

		@ParentCommand
		DltCommand dlt;

		@Spec
		CommandSpec spec;

		@Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,…]",
				description = "The Kafka brokers.")
		String bootstrapServers;

		@Option(names = "--topic", defaultValue = Topics.USERS, paramLabel = "TOPIC",
				description = "The main topic; dead letters are read from TOPIC-dlt (default: ${DEFAULT-VALUE}).")
		String topic;

		@Option(names = "--reason", split = ",", paramLabel = "REASON",
				description = "Replay only dead letters of these reasons (header userstream-dlt-reason, e.g. not_json,"
						+ " invalid); each set of reasons keeps its own position. Default: all.")
		Set<String> reasons = new TreeSet<>();

		@Option(names = "--since", paramLabel = "INSTANT|DURATION", converter = SinceConverter.class,
				description = "Replay only records dead-lettered at or after this instant (2026-12-03T10:00:00Z) or"
						+ " within this duration back from now (PT2H). A group's first replay starts there; earlier"
						+ " records are passed over, and the group's position moves past them.")
		Instant since;

		@Option(names = "--dry-run", description = "Count what would be replayed; send and commit nothing.")
		boolean dryRun;

		@Option(names = "--group", paramLabel = "GROUP",
				description = "The replay's consumer group (default: userstream-dlt-replay.TOPIC, plus .REASON,… with --reason).")
		String group;

		@Option(names = "--command-config", paramLabel = "FILE",
				description = "Kafka client properties (security.protocol, sasl.*, ssl.*), as Kafka's own tools take them.")
		Path commandConfig;

		@Override
		public Integer call() throws IOException {
			UserstreamCli cli = this.dlt.cli;
			String groupId = (this.group != null) ? this.group : defaultGroup(this.topic, this.reasons);
			DeadLetterReplay replay = new DeadLetterReplay(clientConfig(), this.topic, groupId, this.reasons,
					this.since, this.dryRun);
			DeadLetterReplay.Result result = replay.run();
			result.print(cli.out, this.dryRun);
			return 0;
		}

		static String defaultGroup(String topic, Set<String> reasons) {
			return "userstream-dlt-replay." + topic + (reasons.isEmpty() ? "" : "." + String.join(",", new TreeSet<>(reasons)));
		}

		private Map<String, Object> clientConfig() throws IOException {
			Map<String, Object> config = new HashMap<>();
			if (this.commandConfig != null) {
				Properties properties = new Properties();
				try (InputStream in = Files.newInputStream(this.commandConfig)) {
					properties.load(in);
				}
				properties.forEach((key, value) -> config.put((String) key, value));
			}
			config.put("bootstrap.servers", this.bootstrapServers);
			config.putIfAbsent("client.id", "userstream-dlt-replay");
			return config;
		}

	}

	/** An instant, or a duration back from now. */
	static final class SinceConverter implements ITypeConverter<Instant> {

		private final Clock clock;

		SinceConverter() {
			this(Clock.systemUTC());
		}

		SinceConverter(Clock clock) {
			this.clock = clock;
		}

		@Override
		public Instant convert(String value) {
			try {
				return Instant.parse(value);
			}
			catch (DateTimeParseException notAnInstant) {
				try {
					return this.clock.instant().minus(Duration.parse(value));
				}
				catch (DateTimeParseException notADuration) {
					throw new IllegalArgumentException("'" + value + "' is neither an instant (2026-12-03T10:00:00Z) nor a"
							+ " duration (PT2H, P1D)");
				}
			}
		}

	}

}
