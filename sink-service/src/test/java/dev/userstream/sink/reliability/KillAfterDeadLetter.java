package dev.userstream.sink.reliability;

import java.io.IOException;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A test hook loaded into the packaged sink by name ({@code interceptor.classes} of its producer):
 * as soon as the broker acknowledges the first dead letter, the sink process is killed with SIGKILL.
 * The producer runs this before it completes the send, so the listener never sees the acknowledgement
 * and the container never commits the batch: the kill lands between the dead-letter publish and the
 * offset commit, every time.
 */
public class KillAfterDeadLetter implements ProducerInterceptor<Object, Object> {

	@Override
	public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
		return record;
	}

	@Override
	public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
		if (exception == null && metadata != null && metadata.topic().endsWith("-dlt")) {
			try {
				new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();
			}
			catch (IOException ex) {
				// no kill command: the same effect, no shutdown hook and no commit
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Runtime.getRuntime().halt(137);
		}
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
