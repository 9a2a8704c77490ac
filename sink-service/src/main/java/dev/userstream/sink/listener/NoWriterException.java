package dev.userstream.sink.listener;

/** Neither the {@code jpa} nor the {@code s3} profile is active, so there is nowhere to store users. */
public class NoWriterException extends IllegalStateException {

	NoWriterException() {
		super("No writer is active: the sink needs the Spring profile 'jpa', 's3' or both");
	}

}
