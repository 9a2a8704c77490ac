package dev.userstream.sink.reliability;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.userstream.sink.SinkJar;
import dev.userstream.sink.reliability.FuzzLedger.Sent;
import dev.userstream.sink.reliability.FuzzRecords.FuzzRecord;
import dev.userstream.sink.reliability.FuzzRecords.Kind;
import dev.userstream.testsupport.DatabaseEndpoint;
import dev.userstream.testsupport.EmbeddedDatabase;
import dev.userstream.testsupport.EmbeddedKafka;
import dev.userstream.testsupport.KafkaTestClients;
import dev.userstream.testsupport.S3ProxyServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzing the packaged sink, both stores on: thousands of records, half of them valid users and half
 * hostile (any JSON value, broken encodings, duplicate keys, huge numbers, deep nesting, ids equal but
 * for case, the same id twice, values at and beyond the database's limits, mutated records, empty
 * values, tombstones, odd keys), on every partition, valid ones after the bad ones. Every record must
 * be stored or dead-lettered with a reason, exactly once; the group must commit everything; no user
 * may be stored twice or under a non-canonical id. A partition that stops moving fails the test within
 * a minute, naming the stuck offsets and the records there.
 * <p>
 * The seed is logged and in every failure message; {@code -Duserstream.fuzz.seed=<seed>} replays the
 * same records, {@code -Duserstream.fuzz.records=<n>} and {@code -Duserstream.fuzz.kinds=A,B} (or
 * {@code !A,B}: all but those) narrow a failure down, {@code -Duserstream.fuzz.sink-args="--logging.level.x=DEBUG"} adds
 * arguments to the sink's command line.
 */
@Tag("slow") // minutes of streaming or outage: profile reliability, which CI runs
class SinkFuzzIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(SinkFuzzIntegrationTests.class);

	static final int PARTITIONS = 3;

	/** How long the committed offsets may stand still, with records left, before the sink counts as stuck. */
	static final Duration STALL = Duration.ofSeconds(60);

	/**
	 * The longest the sink may take for the whole run while it still makes progress: a bound for a sink that
	 * crawls; one that stops is caught by {@link #STALL}. Generous, as a loaded CI machine takes minutes.
	 */
	static final Duration DRAIN = Duration.ofMinutes(5);

	final KafkaTestClients clients = new KafkaTestClients(EmbeddedKafka.bootstrapServers());

	@Test
	void storesOrDeadLettersEveryRecordExactlyOnceAndNeverStalls() throws Exception {
		long seed = Long.getLong("userstream.fuzz.seed", new SecureRandom().nextLong());
		int count = Integer.getInteger("userstream.fuzz.records", 5_000);
		Set<Kind> kinds = FuzzRecords.kinds(System.getProperty("userstream.fuzz.kinds"));
		String replay = "seed " + seed + " (replay: -Duserstream.fuzz.seed=" + seed + ")";
		logger.info("Fuzzing the sink with {} records, {}, kinds {}", count, replay, kinds);
		SplittableRandom random = new SplittableRandom(seed);
		FuzzUsers users = new FuzzUsers(random.split());
		String run = "fuzz-" + Long.toHexString(new SecureRandom().nextLong()).substring(0, 8);
		String topic = run + "-users";
		this.clients.createTopic(topic, PARTITIONS);
		DatabaseEndpoint server = EmbeddedDatabase.endpoint();
		String database = "userstream_" + run.replace('-', '_'); // CI's test user may create databases named userstream_*
		DatabaseEndpoint db = FuzzStores.createDatabase(server, database);
		S3ProxyServer s3 = S3ProxyServer.onFreePort().start();
		List<String> arguments = new ArrayList<>(List.of("--spring.cloud.aws.s3.endpoint=" + s3.endpoint(), "--sink.s3.bucket=" + run,
				"--sink.s3.upload-concurrency=16"));
		arguments.addAll(List.of(System.getProperty("userstream.fuzz.sink-args", "").split(" +"))); // e.g. a DEBUG logger to look closer
		arguments.removeIf(String::isBlank);
		SinkJar sink = SinkJar.create("jpa,s3", topic, run + "-group", db, Map.of("PIPELINE_ENCRYPTION_KEYS", users.key()),
				arguments.toArray(String[]::new));
		boolean passed = false;
		try {
			sink.process().start(); // it takes most of a minute to start: the records are made and sent meanwhile
			List<Sent> sent = send(topic, FuzzRecords.generate(users, random, count, PARTITIONS, kinds));
			Path dump = FuzzStores.dump(sent, run);
			sink.process().awaitOutput("Started SinkApplication", Duration.ofMinutes(2));
			logger.info("{} records sent, every one in {}; the sink started; waiting for it to commit them all", sent.size(), dump);
			String stuck = new FuzzWatch(this.clients, sink, run + "-group", topic, sent).awaitDrained(STALL, DRAIN);
			FuzzLedger ledger = new FuzzLedger(sent, FuzzStores.committed(this.clients, run + "-group"),
					FuzzStores.deadLetters(this.clients, topic + "-dlt"), FuzzStores.rows(db), FuzzStores.objects(s3, run));
			String report = report(replay + ", every record in " + dump, sent, ledger, stuck, sink);
			logger.info(report);
			if (stuck != null || !ledger.violations().isEmpty()) {
				fail(report);
			}
			passed = true;
		}
		finally {
			sink.process().close();
			s3.stop();
			if (passed) {
				FuzzStores.dropDatabase(server, database);
			}
		}
	}

	private List<Sent> send(String topic, List<FuzzRecord> records) throws Exception {
		List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
		try (KafkaProducer<String, byte[]> producer = this.clients.producer(Map.of("max.request.size", 2 * 1024 * 1024))) {
			for (FuzzRecord record : records) {
				acks.add(producer.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value())));
			}
		}
		List<Sent> sent = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			sent.add(new Sent(records.get(i), acks.get(i).get().offset()));
		}
		return sent;
	}

	private static String report(String replay, List<Sent> sent, FuzzLedger ledger, String stuck, SinkJar sink) {
		StringBuilder report = new StringBuilder("Sink fuzz run, ").append(replay).append(", ").append(sent.size())
			.append(" records on ").append(PARTITIONS).append(" partitions; sink log: ").append(sink.process().log()).append('\n');
		if (stuck != null) {
			report.append("STUCK: ").append(stuck).append('\n');
		}
		ledger.violations().forEach((violation, examples) -> {
			report.append("VIOLATION ").append(violation).append(": ").append(examples.size()).append('\n');
			examples.stream().limit(3).forEach((example) -> report.append("    ").append(example).append('\n'));
		});
		Map<Integer, List<String>> goodAfterBad = ledger.goodAfterBadNotStored();
		goodAfterBad.forEach((partition, missing) -> report.append("partition ").append(partition).append(": ")
			.append(missing.size()).append(" valid records after the first invalid one not stored, from ")
			.append(missing.get(0)).append('\n'));
		report.append("dead letters by reason: ").append(ledger.reasons()).append('\n');
		report.append("per kind: sent, outcomes\n").append(ledger.outcomes());
		return report.toString();
	}

	static String partitions(Map<TopicPartition, Long> lag) {
		return lag.entrySet().stream().map((e) -> e.getKey().partition() + ":" + e.getValue()).collect(Collectors.joining(", "));
	}

}
