package dev.userstream.support.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Asks the brokers to describe the cluster, with one long-lived admin client (made from
 * {@link KafkaAdmin}'s settings, so it reaches whatever broker the application uses) and a short
 * timeout: cheap enough for every probe and every publish while the broker is away.
 */
public class KafkaClusterProbe implements InitializingBean, DisposableBean {

	public static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final KafkaAdmin kafkaAdmin;

	private AdminClient adminClient;

	public KafkaClusterProbe(KafkaAdmin kafkaAdmin) {
		this.kafkaAdmin = kafkaAdmin;
	}

	/** Asks the brokers, waiting {@link #TIMEOUT} at most. */
	public synchronized Cluster describe() {
		try {
			DescribeClusterResult cluster = adminClient()
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
			long wait = TIMEOUT.toMillis() + 500;
			return new Cluster(cluster.clusterId().get(wait, TimeUnit.MILLISECONDS),
					cluster.nodes().get(wait, TimeUnit.MILLISECONDS).size(), null);
		}
		catch (ExecutionException ex) {
			return Cluster.unreachable(ex.getCause().getClass().getSimpleName());
		}
		catch (TimeoutException ex) {
			return Cluster.unreachable("no answer within " + TIMEOUT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Cluster.unreachable("interrupted");
		}
	}

	/** Made at start-up: a client configuration Kafka refuses (bootstrap servers that are not host:port) stops it. */
	@Override
	public synchronized void afterPropertiesSet() {
		adminClient();
	}

	private AdminClient adminClient() {
		if (this.adminClient == null) {
			this.adminClient = AdminClient.create(this.kafkaAdmin.getConfigurationProperties());
		}
		return this.adminClient;
	}

	@Override
	public synchronized void destroy() {
		if (this.adminClient != null) {
			this.adminClient.close(Duration.ofSeconds(2));
		}
	}

	/**
	 * What the brokers said.
	 *
	 * @param clusterId the cluster id, null when unreachable
	 * @param nodes how many brokers answered
	 * @param error why the cluster is unreachable, null when it answered
	 */
	public record Cluster(String clusterId, int nodes, String error) {

		static Cluster unreachable(String error) {
			return new Cluster(null, 0, error);
		}

		public boolean reachable() {
			return this.error == null;
		}

	}

}
