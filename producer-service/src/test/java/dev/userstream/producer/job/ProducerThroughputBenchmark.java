package dev.userstream.producer.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.userstream.model.UserRecord;
import dev.userstream.producer.TestKeys;
import dev.userstream.producer.source.SourceUser;
import dev.userstream.producer.source.UserSource;
import dev.userstream.testsupport.KafkaTestConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not a test but a measurement (DESIGN.md "Benchmarks"); its name keeps it out of the default run:
 * {@code ./mvnw -q -pl producer-service -am verify
 * -Dit.test=ProducerThroughputBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * The producer path (synthetic source, batch 500, no pause: generate, map, encrypt, send, wait for
 * acks=all) against the suite's broker, its parts on their own, and beside them a bare
 * {@link KafkaTemplate} sending the same records already built. Writes
 * {@code target/producer-benchmark.txt}.
 */
@SpringBootTest(properties = { "producer.schedule.enabled=false", "producer.source=synthetic", "producer.synthetic.seed=1",
		"producer.batch-size=500", "pipeline.topic=benchmark-users" })
@Import(KafkaTestConfiguration.class)
class ProducerThroughputBenchmark {

	static final int RECORDS = Integer.getInteger("userstream.benchmark.records", 200_000);

	static final int BATCH = 500;

	private static final Logger logger = LoggerFactory.getLogger(ProducerThroughputBenchmark.class);

	@Autowired
	FetchAndPublishJob job;

	@Autowired
	UserSource source;

	@Autowired
	UserRecordMapper mapper;

	@Autowired
	KafkaTemplate<String, UserRecord> template;

	@Autowired
	KafkaAdmin kafkaAdmin;

	final List<String> report = new ArrayList<>();

	@DynamicPropertySource
	static void encryptionKeys(DynamicPropertyRegistry registry) {
		registry.add("pipeline.encryption.keys", TestKeys::generate);
	}

	@Test
	void measuresTheProducerPathAndABareSend() throws Exception {
		runJob(20_000);
		long start = System.nanoTime();
		long published = runJob(RECORDS);
		rate("producer path: generate, map, encrypt, send, await acks", published, start);

		List<SourceUser> users = new ArrayList<>(RECORDS);
		start = System.nanoTime();
		while (users.size() < RECORDS) {
			users.addAll(this.source.fetch(BATCH));
		}
		rate("  synthetic source alone", users.size(), start);
		start = System.nanoTime();
		List<UserRecord> records = this.mapper.map(users, "synthetic");
		rate("  map + Fernet-encrypt 3 fields alone", records.size(), start);

		createAndAwaitLeaders("benchmark-bare");
		sendInBatches(records.subList(0, 20_000));
		start = System.nanoTime();
		sendInBatches(records);
		rate("bare KafkaTemplate, pre-built records, per 500: flush, await", records.size(), start);
		start = System.nanoTime();
		awaitAll(records.stream().map((record) -> this.template.send("benchmark-bare", record.userId(), record)).toList(), false);
		rate("bare KafkaTemplate, pre-built records, all sent then awaited", records.size(), start);
		write();
	}

	/** An idempotent producer sending to partitions without a leader yet can loop on OUT_OF_ORDER_SEQUENCE. */
	private void createAndAwaitLeaders(String topic) {
		this.kafkaAdmin.createOrModifyTopics(TopicBuilder.name(topic).partitions(3).replicas(1).build());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.kafkaAdmin.describeTopics(topic).get(topic).partitions()
			.stream().allMatch((partition) -> partition.leader() != null)
				&& this.template.partitionsFor(topic).stream().allMatch((partition) -> partition.leader() != null));
	}

	private long runJob(long records) {
		long before = this.job.summary(Duration.ZERO).published();
		while (this.job.summary(Duration.ZERO).published() - before < records) {
			this.job.runOnce();
		}
		assertThat(this.job.pendingCount()).isZero();
		return this.job.summary(Duration.ZERO).published() - before;
	}

	private void sendInBatches(List<UserRecord> records) throws Exception {
		for (int from = 0; from < records.size(); from += BATCH) {
			awaitAll(records.subList(from, Math.min(from + BATCH, records.size()))
				.stream()
				.map((record) -> this.template.send("benchmark-bare", record.userId(), record))
				.toList(), true);
		}
	}

	private void awaitAll(List<? extends CompletableFuture<?>> sends, boolean flush) throws Exception {
		if (flush) {
			this.template.flush();
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
	}

	private void rate(String what, long count, long startNanos) {
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		String line = String.format(Locale.ROOT, "%-62s %,9d records in %6.2f s = %,9.0f records/s", what, count, seconds,
				count / seconds);
		this.report.add(line);
		logger.info("BENCHMARK {}", line);
	}

	private void write() throws IOException {
		List<String> lines = new ArrayList<>(List.of("producer-service throughput, " + RECORDS + " records, batch " + BATCH
				+ ", " + Runtime.getRuntime().availableProcessors() + " cores, compression "
				+ this.template.getProducerFactory().getConfigurationProperties().get("compression.type")));
		lines.addAll(this.report);
		Files.write(Path.of("target", "producer-benchmark.txt"), lines);
	}

}
