package dev.userstream.sink.writer.s3;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.stereotype.Component;

/**
 * What the {@code batch} layout changes in the listener containers, and nothing else does: the container no
 * longer commits a batch's offsets ({@code MANUAL}, the listener commits only offsets before which every user
 * is durable, see {@code BufferedOffsetCommits}), and an idle consumer publishes idle events, on its own
 * thread, often enough to close files by time when no record arrives. A post-processor of Boot's container
 * factory because Boot applies a single {@code ContainerCustomizer} bean and the sink has one already
 * (tracing); the environment is read directly because a post-processor is created before the properties beans.
 */
@Component
@Profile("s3")
@Conditional(S3LayoutConditions.Batch.class)
class S3RolledFilesContainerSettings implements BeanPostProcessor, EnvironmentAware {

	private Duration rotateInterval = Duration.ofMinutes(1);

	@Override
	public void setEnvironment(Environment environment) {
		try {
			this.rotateInterval = Binder.get(environment)
				.bind("sink.s3.batch.rotate-interval", Duration.class)
				.orElse(this.rotateInterval);
		}
		catch (BindException ex) {
			// S3WriterProperties fails start-up over it, with the usual analysis naming the property
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
			ContainerProperties container = factory.getContainerProperties();
			container.setAckMode(ContainerProperties.AckMode.MANUAL);
			container.setIdleEventInterval(idleEventInterval(this.rotateInterval).toMillis());
		}
		return bean;
	}

	/** A quarter of the rotate interval, between 100 ms and 10 s: a file closes at most that late. */
	static Duration idleEventInterval(Duration rotateInterval) {
		Duration quarter = rotateInterval.dividedBy(4);
		return (quarter.compareTo(Duration.ofMillis(100)) < 0) ? Duration.ofMillis(100)
				: (quarter.compareTo(Duration.ofSeconds(10)) > 0) ? Duration.ofSeconds(10) : quarter;
	}

}
