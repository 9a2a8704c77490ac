package dev.userstream.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Item 6: producer-service (its jar: offline generator → map → encrypt → send → await acks, batches
 * of {@value #BATCH}, no pause) in records/s acknowledged into the topic, beside a bare
 * {@link KafkaTemplate} with the producer's settings sending the same kind of records already built
 * and encrypted: once awaiting every {@value #BATCH} (the producer's rhythm), once sending all and then
 * awaiting (the best a bare client can do, and the figure the producer is held against).
 */
final class ProducerBenchmarks {

	static final int BATCH = 500;

	private final Services services;

	private final Broker broker;

	private int runs;

	ProducerBenchmarks(Services services, Broker broker) {
		this.services = services;
		this.broker = broker;
	}

	Runs producerPath(int records, int repeat) {
		Runs runs = new Runs();
		int warmup = BenchmarkOptions.warmup(records);
		for (int i = 0; i < repeat; i++) {
			String topic = topic("producer");
			this.broker.createTopic(topic);
			try (MeasuredProcess producer = this.services.producer("producer-" + this.runs, topic, BATCH, Duration.ofMillis(1))) {
				ProgressWatch watch = new ProgressWatch(() -> this.broker.recordCount(topic), List.of(producer));
				ProgressWatch.Mark launch = watch.now();
				runs.add(watch.steady(launch, warmup, records, Duration.ofSeconds(120 + records / 1000)),
						producer.readySeconds(Duration.ofMinutes(3)));
			}
		}
		return runs;
	}

	/** Records/s of a bare template; {@code perBatch} awaits every {@value #BATCH}, else all are sent, then awaited. */
	Figure bare(Workload users, int repeat, boolean perBatch) {
		DefaultKafkaProducerFactory<String, UserRecord> factory = new DefaultKafkaProducerFactory<>(producerSettings(),
				new StringSerializer(), (topic, user) -> UserRecordJson.mapper().writeValueAsBytes(user));
		try {
			KafkaTemplate<String, UserRecord> template = new KafkaTemplate<>(factory);
			send(template, topic("bare-warmup"), users.warmup(), perBatch);
			double[] rates = new double[repeat];
			for (int i = 0; i < repeat; i++) {
				rates[i] = users.measured().size() / send(template, topic("bare"), users.measured(), perBatch);
			}
			return Figure.of(rates);
		}
		finally {
			factory.destroy();
		}
	}

	private double send(KafkaTemplate<String, UserRecord> template, String topic, List<UserRecord> users, boolean perBatch) {
		this.broker.createTopic(topic);
		long start = System.nanoTime();
		int step = perBatch ? BATCH : users.size();
		for (int from = 0; from < users.size(); from += step) {
			List<CompletableFuture<?>> sends = users.subList(from, Math.min(from + step, users.size()))
				.stream()
				.<CompletableFuture<?>>map((user) -> template.send(topic, user.userId(), user))
				.toList();
			template.flush();
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.MINUTES).join();
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/** producer-service's application.yaml settings. */
	private Map<String, Object> producerSettings() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
				ProducerConfig.BATCH_SIZE_CONFIG, 65_536, ProducerConfig.LINGER_MS_CONFIG, 10);
	}

	private String topic(String what) {
		this.runs++;
		return "bench-" + what + "-" + this.runs;
	}

}
