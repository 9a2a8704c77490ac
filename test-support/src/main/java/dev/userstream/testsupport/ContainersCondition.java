package dev.userstream.testsupport;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when this run uses Testcontainers ({@code -Pcontainers}). */
class ContainersCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return TestServices.containers();
	}

	/** Matches when this run uses the embedded services (the default). */
	static class Embedded implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !TestServices.containers();
		}

	}

}
