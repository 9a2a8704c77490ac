package dev.userstream.support.kafka;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Authenticated Kafka: the {@code pipeline.kafka.sasl.*} credentials go into Boot's common Kafka
 * properties ({@code spring.kafka.properties}) before anything reads them, so every client built from
 * them has them: Boot's producer and consumer factories (and the sink's dead-letter producer), {@link KafkaAdmin}
 * (topic creation) and the admin clients the health indicators and probes build from it. A start-up check then
 * proves the brokers accept them. An auto-configuration (this module's
 * {@code AutoConfiguration.imports}), so both services get the same code by depending on the module.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaSaslProperties.class)
public class KafkaSecurityConfiguration {

	@Bean
	static BeanPostProcessor kafkaSaslPropertiesApplier(ObjectProvider<KafkaSaslProperties> sasl) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof KafkaProperties kafka) {
					KafkaSecuritySettings.apply(sasl.getObject(), kafka);
				}
				return bean;
			}

		};
	}

	@Bean
	KafkaAuthenticationCheck kafkaAuthenticationCheck(KafkaAdmin kafkaAdmin, KafkaSaslProperties sasl) {
		return new KafkaAuthenticationCheck(kafkaAdmin.getConfigurationProperties(), sasl);
	}

}
