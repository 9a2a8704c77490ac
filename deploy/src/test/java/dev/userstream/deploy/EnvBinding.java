package dev.userstream.deploy;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Whether an environment variable sets a known property, by Spring Boot's own relaxed binding rules for
 * the system environment ({@code SPRING_KAFKA_BOOTSTRAPSERVERS} and the legacy
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} set {@code spring.kafka.bootstrap-servers}; a variable below a
 * Map-typed property, such as {@code LOGGING_LEVEL_ROOT}, sets one of its entries).
 */
final class EnvBinding {

	private final List<Property> properties;

	EnvBinding(Collection<Property> properties) {
		this.properties = List.copyOf(properties);
	}

	boolean binds(String envName) {
		// Boot applies its environment-variable mapping only to a source with the system environment's name
		ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(envName, "value")));
		return this.properties.stream().anyMatch((property) -> property.boundBy(source));
	}

	int size() {
		return this.properties.size();
	}

	/** A property of a service's configuration metadata; {@code map} when its type is a Map. */
	record Property(ConfigurationPropertyName name, boolean map) {

		static Property of(String name, String type) {
			return new Property(ConfigurationPropertyName.adapt(name, '.'), type != null && type.startsWith("java.util.Map<"));
		}

		boolean boundBy(ConfigurationPropertySource source) {
			return source.getConfigurationProperty(this.name) != null
					|| (this.map && source.containsDescendantOf(this.name) == ConfigurationPropertyState.PRESENT);
		}

	}

}
