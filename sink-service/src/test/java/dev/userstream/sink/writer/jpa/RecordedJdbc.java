package dev.userstream.sink.writer.jpa;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.userstream.sink.TestUsers;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.UserBatch;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the JDBC driver really receives: the calls are recorded between Hibernate and the driver
 * (datasource-proxy), so a batching setting that does not take effect fails a test. Import
 * {@link Recording} and autowire this; each application context records its own calls.
 */
final class RecordedJdbc implements QueryExecutionListener {

	private final List<Execution> executions = new CopyOnWriteArrayList<>();

	void clear() {
		this.executions.clear();
	}

	/** The INSERTs into {@code users} recorded since the last {@link #clear()}. */
	List<Execution> inserts() {
		return this.executions.stream().filter(Execution::isInsert).toList();
	}

	/**
	 * Writes the batch twice: the first write must reach the driver as one JDBC batch of all its users
	 * and store them all; the second, a redelivery, must insert nothing and leave them stored once.
	 */
	void assertOneJdbcBatchThenNoInsert(JpaUserWriter writer, UserBatch batch, JdbcTemplate jdbc) {
		int size = batch.users().size();
		List<String> ids = batch.users().stream().map(IncomingUser::userId).toList();
		clear();
		writer.write(batch);
		List<Execution> inserts = inserts();
		assertThat(inserts).hasSize(1);
		assertThat(inserts.get(0).batch()).isTrue();
		assertThat(inserts.get(0).batchSize()).isEqualTo(size);
		assertThat(TestUsers.storedCount(jdbc, ids)).isEqualTo(size);

		clear();
		writer.write(batch);
		assertThat(inserts()).isEmpty();
		assertThat(TestUsers.storedCount(jdbc, ids)).isEqualTo(size);
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		for (QueryInfo query : queryInfoList) {
			this.executions.add(new Execution(query.getQuery(), execInfo.isBatch(), execInfo.getBatchSize()));
		}
	}

	record Execution(String sql, boolean batch, int batchSize) {

		boolean isInsert() {
			return this.sql.toLowerCase(Locale.ROOT).startsWith("insert into users");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		static RecordedJdbc recordedJdbc() {
			return new RecordedJdbc();
		}

		@Bean
		static BeanPostProcessor recordingDataSource(ObjectProvider<RecordedJdbc> recorder) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && name.equals("dataSource")) {
						return ProxyDataSourceBuilder.create(dataSource).listener(recorder.getObject()).build();
					}
					return bean;
				}
			};
		}

	}

}
