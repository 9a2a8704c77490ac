package dev.userstream.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTests {

	@Test
	void findsTheMetricsButNotFunctionsLabelsRangesOrKeywords() {
		assertThat(PromQl.metricNames("""
				(sum by (job) (rate(userstream_written_total{writer="jpa", x=~"a|b"}[5m]))
				 or sum by (job) (kafka_consumer_fetch_manager_records_lag) * 0) == 0
				and histogram_quantile(0.99, sum by (le) (rate(userstream_latency_seconds_bucket{job=~"$job"}[$__rate_interval]))) > 5e3
				""")).containsExactly("userstream_written_total", "kafka_consumer_fetch_manager_records_lag",
						"userstream_latency_seconds_bucket");
	}

}
