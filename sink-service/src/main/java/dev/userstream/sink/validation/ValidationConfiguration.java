package dev.userstream.sink.validation;

import java.lang.annotation.ElementType;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation for consumed records. With JPA on the class path, Hibernate Validator's default
 * {@link TraversableResolver} asks JPA's {@code PersistenceUtil} whether every property of every
 * validated object is loaded: a lazy-loading question only entities raise, and here it cost about a
 * sixth of the consumer thread's time (a JFR profile of the sink, docs/performance.md). The sink
 * validates records, never entities, so every property is reachable.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

	@Bean
	ValidationConfigurationCustomizer everyPropertyReachable() {
		return (configuration) -> configuration.traversableResolver(new EveryPropertyReachable());
	}

	private static final class EveryPropertyReachable implements TraversableResolver {

		@Override
		public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
				Path pathToTraversableObject, ElementType elementType) {
			return true;
		}

		@Override
		public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
				Path pathToTraversableObject, ElementType elementType) {
			return true;
		}

	}

}
