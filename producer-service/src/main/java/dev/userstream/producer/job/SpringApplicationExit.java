package dev.userstream.producer.job;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** Closes the context (flushing the producer) and exits the JVM with the code. */
@Component
class SpringApplicationExit implements ApplicationExit {

	private final ApplicationContext context;

	SpringApplicationExit(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void exit(int code) {
		// its own thread: closing the context waits for the scheduler thread that calls this
		Thread exit = new Thread(() -> System.exit(SpringApplication.exit(this.context, () -> code)), "producer-exit");
		exit.start();
	}

}
