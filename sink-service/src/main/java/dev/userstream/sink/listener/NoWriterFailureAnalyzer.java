package dev.userstream.sink.listener;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a start without writer profiles into one clear message with the fix. */
class NoWriterFailureAnalyzer extends AbstractFailureAnalyzer<NoWriterException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoWriterException cause) {
		return new FailureAnalysis("sink-service has no writer: no Spring profile selects one.",
				"Activate the profile 'jpa' (MySQL/MariaDB), 's3' (S3) or both, e.g. "
						+ "--spring.profiles.active=jpa or SPRING_PROFILES_ACTIVE=jpa,s3.",
				cause);
	}

}
