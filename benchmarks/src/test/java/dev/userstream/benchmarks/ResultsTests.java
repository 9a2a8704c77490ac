package dev.userstream.benchmarks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTests {

	@Test
	void comparesSinkJpaWithTheRealPeerByRowsPerSecondAndCpuPerRow() {
		Results results = databaseSide();
		// sink-jpa: 1,000 rows in 0.5 s for 0.02 CPU s (20 µs a row); Connect: 1,000 rows in 1 s for 0.1 CPU s (100 µs)
		results.sinkJpa = runs(new Window(1_000, 0.5, Map.of(MeasuredProcess.SINK, 0.02), Map.of()));
		results.connect = runs(new Window(1_000, 1, Map.of(MeasuredProcess.CONNECT, 0.1), Map.of()));

		assertThat(results.ratios()).contains(" jpa_rows_per_s=2000 connect_rows_per_s=1000 jpa_vs_connect=2.00 jpa_cpu_vs_connect=0.20 ")
			.endsWith(" e2e_offered_per_s=n/a sink_ready_s=1.5 producer_ready_s=n/a sink_rss_mib=n/a producer_rss_mib=n/a");
	}

	@Test
	void saysNotAvailableRatherThanZeroWhenATinyRunsSteadyWindowSawNoCommit() {
		Results results = databaseSide();
		results.sinkJpa = runs(new Window(1_000, 0.5, Map.of(MeasuredProcess.SINK, 0.02), Map.of()));
		results.connect = runs(new Window(0, 0.4, Map.of(MeasuredProcess.CONNECT, 0.0), Map.of()));

		assertThat(results.ratios()).contains(" connect_rows_per_s=n/a jpa_vs_connect=n/a jpa_cpu_vs_connect=n/a ");
	}

	private static Results databaseSide() {
		Results results = new Results();
		Baseline baseline = new Baseline(Figure.of(1_000), Figure.of(10), Figure.of(10));
		results.rawBatch = baseline;
		results.rawMultiRow = baseline;
		results.simulated = baseline;
		results.original = baseline;
		return results;
	}

	private static Runs runs(Window steady) {
		Runs runs = new Runs();
		runs.add(new ProgressWatch.Steady(steady, steady), 1.5);
		return runs;
	}

}
