package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;

import dev.userstream.sink.TestUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTriageTests {

	@Test
	void derivesTheSameIdForTheSameBytesAndAnotherForOtherBytes() {
		byte[] first = TestUsers.originalProducerMessages().get(0).getBytes(StandardCharsets.UTF_8);
		byte[] second = TestUsers.originalProducerMessages().get(1).getBytes(StandardCharsets.UTF_8);
		assertThat(RecordTriage.derivedId(first)).isEqualTo(RecordTriage.derivedId(first.clone()))
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")
			.isNotEqualTo(RecordTriage.derivedId(second));
	}

}
