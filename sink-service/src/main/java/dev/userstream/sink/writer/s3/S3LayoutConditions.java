package dev.userstream.sink.writer.s3;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which S3 writer exists: {@code sink.s3.layout} bound the way {@link S3WriterProperties} binds it (so
 * {@code batch}, {@code BATCH} and {@code SINK_S3_LAYOUT=batch} all count), which a string comparison
 * ({@code @ConditionalOnProperty}) would not do for {@code per-record}/{@code PER_RECORD}.
 */
final class S3LayoutConditions {

	private S3LayoutConditions() {
	}

	/** Whether the {@code s3} profile is active with the {@code batch} layout. */
	static boolean batch(Environment environment) {
		try {
			return environment.matchesProfiles("s3") && Binder.get(environment)
				.bind("sink.s3.layout", S3WriterProperties.Layout.class)
				.orElse(S3WriterProperties.Layout.PER_RECORD) == S3WriterProperties.Layout.BATCH;
		}
		catch (BindException ex) {
			return false; // binding S3WriterProperties fails start-up with the usual analysis, naming the property
		}
	}

	/** The {@code batch} layout. */
	static final class Batch implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return batch(context.getEnvironment());
		}

	}

	/** The {@code per-record} layout (the default). */
	static final class PerRecord implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !batch(context.getEnvironment());
		}

	}

}
