package dev.userstream.sink.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.userstream.sink.SinkJar;
import dev.userstream.sink.reliability.FuzzLedger.Sent;
import dev.userstream.sink.reliability.FuzzRecords.Kind;
import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a fuzz run's consumer group until it has committed every record, and explains a sink that
 * stopped moving: the stuck partitions and offsets, the hostile records at them, readiness, and the
 * sink's WARN and ERROR lines. Polls the offsets itself (not Awaitility) to tell "slow" from "stuck".
 */
final class FuzzWatch {

	/** The records a stuck batch may hold: the sink's {@code max-poll-records}. */
	private static final int BATCH = 500;

	private final KafkaTestClients clients;

	private final SinkJar sink;

	private final String group;

	private final String topic;

	private final List<Sent> sent;

	FuzzWatch(KafkaTestClients clients, SinkJar sink, String group, String topic, List<Sent> sent) {
		this.clients = clients;
		this.sink = sink;
		this.group = group;
		this.topic = topic;
		this.sent = sent;
	}

	/** {@code null} once the lag is 0 everywhere; else why not, after {@code stall} without progress or {@code limit} in all. */
	String awaitDrained(Duration stall, Duration limit) throws InterruptedException {
		long start = System.nanoTime();
		long lastProgress = start;
		long lastLag = Long.MAX_VALUE;
		while (true) {
			Map<TopicPartition, Long> lag = FuzzStores.lag(this.clients, this.group, this.topic);
			long total = lag.values().stream().mapToLong(Long::longValue).sum();
			long now = System.nanoTime();
			if (total == 0) {
				return null;
			}
			if (total < lastLag) {
				lastLag = total;
				lastProgress = now;
			}
			if (!this.sink.process().isAlive()) {
				return "the sink exited with records left (lag " + SinkFuzzIntegrationTests.partitions(lag) + ")" + diagnosis(lag);
			}
			if (now - lastProgress > stall.toNanos() || now - start > limit.toNanos()) {
				String why = (now - lastProgress > stall.toNanos()) ? "no offset committed for " + stall.toSeconds() + " s"
						: "not done after " + limit.toSeconds() + " s";
				return why + " (lag per partition " + SinkFuzzIntegrationTests.partitions(lag) + ")" + diagnosis(lag);
			}
			Thread.sleep(1000);
		}
	}

	private String diagnosis(Map<TopicPartition, Long> lag) {
		StringBuilder text = new StringBuilder();
		lag.forEach((tp, left) -> {
			if (left > 0) {
				long end = this.sent.stream().filter((s) -> s.record().partition() == tp.partition()).mapToLong(Sent::offset).max().orElse(-1) + 1;
				long committed = end - left;
				text.append("\n  partition ").append(tp.partition()).append(" committed ").append(committed).append(" of ").append(end)
					.append("; hostile records in the next ").append(BATCH).append(":");
				this.sent.stream()
					.filter((s) -> s.record().partition() == tp.partition() && s.offset() >= committed && s.offset() < committed + BATCH)
					.filter((s) -> s.record().kind() != Kind.VALID)
					.limit(8)
					.forEach((s) -> text.append("\n    ").append(s.record().kind()).append(' ').append(s.where()).append(' ')
						.append(s.record().expect()).append(" value=").append(FuzzRecords.preview(s.record().value(), 160)));
			}
		});
		text.append("\n  readiness: ").append(readiness());
		List<String> complaints = this.sink.process().output().lines()
			.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			.toList();
		List<String> distinct = complaints.stream().map((line) -> line.length() > 400 ? line.substring(0, 400) + "..." : line)
			.distinct().toList();
		text.append("\n  sink log ").append(this.sink.process().log()).append(": ").append(complaints.size())
			.append(" WARN/ERROR lines; the last distinct ones:");
		distinct.subList(Math.max(0, distinct.size() - 4), distinct.size()).forEach((line) -> text.append("\n    ").append(line));
		return text.toString();
	}

	private String readiness() {
		try {
			Http.Response response = this.sink.actuator("health/readiness");
			String body = response.body().replaceAll("\\s+", " ");
			return response.status() + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
		}
		catch (RuntimeException ex) {
			return "no answer (" + ex.getMessage() + ")";
		}
	}

}
