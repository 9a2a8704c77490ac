package dev.userstream.support.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerRetryAuthEvent;
import org.springframework.kafka.event.ConsumerRetryAuthSuccessfulEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * DOWN while a listener container does not consume: one that stopped on its own (a fatal error, fenced,
 * no offset to reset to), or one whose consumer the brokers refuse (authentication or authorization)
 * and that retries every {@code spring.kafka.listener.auth-exception-retry-interval}. A container that
 * stops because the application does is not a failure.
 */
public class ListenerContainersHealthIndicator implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(ListenerContainersHealthIndicator.class);

	private final KafkaListenerEndpointRegistry registry;

	private final Map<String, String> refused = new ConcurrentHashMap<>();

	public ListenerContainersHealthIndicator(KafkaListenerEndpointRegistry registry) {
		this.registry = registry;
	}

	@EventListener
	void authRefused(ConsumerRetryAuthEvent event) {
		String consumer = consumer(event.getSource(MessageListenerContainer.class));
		if (this.refused.put(consumer, event.getReason().name()) == null) {
			logger.warn("Kafka refused consumer {} ({}); it retries until the brokers accept it", consumer, event.getReason());
		}
	}

	@EventListener
	void authAccepted(ConsumerRetryAuthSuccessfulEvent event) {
		this.refused.remove(consumer(event.getSource(MessageListenerContainer.class)));
	}

	@EventListener
	void stopped(ConsumerStoppedEvent event) {
		if (event.getReason() != ConsumerStoppedEvent.Reason.NORMAL) {
			logger.warn("Consumer {} stopped ({}); the sink no longer consumes its partitions",
					consumer(event.getSource(MessageListenerContainer.class)), event.getReason());
		}
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		for (MessageListenerContainer container : this.registry.getListenerContainers()) {
			if (!container.isInExpectedState()) {
				health.down().withDetail(container.getListenerId(), "stopped");
			}
			else if (container.isRunning()) {
				health.withDetail(container.getListenerId(), "running");
			}
		}
		this.refused.forEach((consumer, reason) -> health.down().withDetail(consumer, "refused by Kafka (" + reason + ")"));
		return health.build();
	}

	private static String consumer(MessageListenerContainer container) {
		return (container != null) ? container.getListenerId() + "/" + container.getGroupId() : "unknown";
	}

}
