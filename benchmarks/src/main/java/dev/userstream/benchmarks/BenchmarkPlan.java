package dev.userstream.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.userstream.model.UserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order of a run: the database baselines, the jpa sink and its real peer (Kafka Connect), the S3
 * sink and its baseline, the producer and its bare send, then end to end.
 */
final class BenchmarkPlan {

	private static final Logger logger = LoggerFactory.getLogger(BenchmarkPlan.class);

	private final BenchmarkOptions options;

	private final Services services;

	private final ConnectPeer connect;

	private final Broker broker;

	private final Database database;

	private final Optional<DatabaseProcess> server;

	private final List<UserRecord> users;

	private final Results results;

	BenchmarkPlan(BenchmarkOptions options, Services services, ConnectPeer connect, Broker broker, Database database,
			List<UserRecord> users, Results results) {
		this.options = options;
		this.services = services;
		this.connect = connect;
		this.broker = broker;
		this.database = database;
		this.server = DatabaseProcess.of(database.endpoint());
		this.users = users;
		this.results = results;
	}

	void run() {
		int repeat = this.options.repeat();
		Workload all = Workload.of(this.users, this.options.records());
		SinkBenchmarks sinks = new SinkBenchmarks(this.services, this.connect, this.broker, this.database, this.server);
		if (this.options.jpa()) {
			logger.info("database server process: {}", this.server.map((server) -> "pid " + server.pid()).orElse("not found (its CPU is n/a)"));
			DatabaseBenchmarks jdbc = new DatabaseBenchmarks(this.database, this.server);
			this.results.rawBatch = log("raw JDBC batch", jdbc.jdbcBatch(all, repeat));
			this.results.rawMultiRow = log("raw multi-row INSERT", jdbc.multiRow(all, repeat));
			this.results.simulated = log("simulated upsert loop", jdbc.simulatedUpsert(all, repeat));
			this.results.original = log("original", jdbc.original(Workload.of(this.users, this.options.originalRecords()), repeat));
			this.results.connect = sinks.connect(all, repeat);
			log("Kafka Connect + Debezium JDBC sink", this.results.connect.rate());
			this.results.sinkJpa = sinks.jpa(all, repeat);
			log("sink-jpa", this.results.sinkJpa.rate());
		}
		if (this.options.s3()) {
			Workload perRecord = Workload.of(this.users, this.options.s3PerRecordRecords());
			try (S3Baseline raw = new S3Baseline(java.net.URI.create(this.services.s3Endpoint()))) {
				this.results.s3Raw = log("raw PutObject", raw.putObjects(perRecord, repeat));
			}
			this.results.s3PerRecord = sinks.s3(perRecord, repeat, "per-record");
			log("sink-s3 per-record", this.results.s3PerRecord.rate());
			this.results.s3Batch = sinks.s3(all, repeat, "batch");
			log("sink-s3 batch", this.results.s3Batch.rate());
		}
		ProducerBenchmarks producer = new ProducerBenchmarks(this.services, this.broker);
		this.results.producer = producer.producerPath(this.options.records(), repeat);
		log("producer path", this.results.producer.rate());
		this.results.bareBatch = log("bare per 500", producer.bare(all, repeat, true));
		this.results.bareAll = log("bare all then await", producer.bare(all, repeat, false));
		if (this.options.jpa()) {
			this.results.endToEnd = new EndToEndBenchmark(this.services, this.broker, this.database)
				.run(Duration.ofSeconds(this.options.e2eSeconds()), repeat);
		}
	}

	private static Figure log(String what, Figure figure) {
		logger.info("{}: {} /s", what, figure.describe());
		return figure;
	}

	private static Baseline log(String what, Baseline baseline) {
		log(what, baseline.rate());
		return baseline;
	}

}
