package dev.userstream.producer.ingest;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code producer.ingest.tokens} holds something: without a token the endpoint does not
 * exist (404), rather than existing and refusing everyone. A blank value (compose passes
 * {@code PRODUCER_INGEST_TOKENS=} when unset) counts as none.
 */
class IngestEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String tokens = Binder.get(context.getEnvironment()).bind(IngestProperties.TOKENS_PROPERTY, String.class).orElse("");
		return tokens.isBlank() ? ConditionOutcome.noMatch(IngestProperties.TOKENS_PROPERTY + " is not set")
				: ConditionOutcome.match(IngestProperties.TOKENS_PROPERTY + " is set");
	}

}
