package dev.userstream.testsupport;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Names, in a failure, the file that holds the output of the failed test's class. The build sends
 * what the tests print (broker and client logs, Spring's start-up) to one file per class, so the
 * console stays short; the failure's stack trace is still printed there, and this adds where to look
 * next. Registered for every test class through JUnit's extension auto-detection, which the build
 * switches on; the reports directory comes from the system property {@value #REPORTS}.
 */
public final class TestOutputHint implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

	/** System property: the directory of Surefire's or Failsafe's reports, where the output files are. */
	public static final String REPORTS = "userstream.test.reports";

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withHint(context, failure);
	}

	@Override
	public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withHint(context, failure);
	}

	@Override
	public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withHint(context, failure);
	}

	@Override
	public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withHint(context, failure);
	}

	@Override
	public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withHint(context, failure);
	}

	/** The same failure (type, message, stack), with the hint as a suppressed exception printed after it. */
	static Throwable withHint(ExtensionContext context, Throwable failure) {
		String reports = System.getProperty(REPORTS);
		if (reports != null) {
			Class<?> testClass = context.getRequiredTestClass();
			while (testClass.getEnclosingClass() != null) { // a @Nested class's output is its outer class's
				testClass = testClass.getEnclosingClass();
			}
			failure.addSuppressed(new OutputFile(Path.of(reports, testClass.getName() + "-output.txt")));
		}
		return failure;
	}

	/** Carries the hint; no stack of its own, so the report shows one line. */
	static final class OutputFile extends Exception {

		OutputFile(Path file) {
			super("test output and service logs of this class: " + file, null, false, false);
		}

	}

}
