package dev.userstream.producer.crypto;

import dev.userstream.support.keys.InvalidEncryptionKeysException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.userstream.producer.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DerivedUserIdsTests {

	final String key = TestKeys.generate();

	final byte[] ada = "Ada Lovelace|ada@example.org".getBytes(StandardCharsets.UTF_8);

	@Test
	void givesTheSameUserTheSameIdAcrossInstancesAndKeepsOnlyTheFirstKeyInIt() {
		UUID id = ids(this.key).derive(this.ada);

		assertThat(ids(this.key).derive(this.ada)).isEqualTo(id);
		assertThat(ids(this.key + "," + TestKeys.generate()).derive(this.ada)).isEqualTo(id);
		assertThat(id.version()).isEqualTo(8);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void givesOtherUsersAndOtherKeysOtherIds() {
		UUID id = ids(this.key).derive(this.ada);

		assertThat(ids(this.key).derive("Ada Lovelace|ada@example.com".getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(id);
		assertThat(ids(TestKeys.generate()).derive(this.ada)).isNotEqualTo(id);
		assertThat(UUID.nameUUIDFromBytes(this.ada)).as("not a plain hash of the user").isNotEqualTo(id);
	}

	@Test
	void refusesAMalformedKeyWithoutQuotingIt() {
		String malformed = this.key.substring(0, 40) + "!!!!";

		assertThatExceptionOfType(InvalidEncryptionKeysException.class).isThrownBy(() -> ids(malformed))
			.withMessageContaining("pipeline.encryption.keys")
			.withMessageNotContaining(malformed.substring(0, 40));
	}

	private static DerivedUserIds ids(String keys) {
		return new DerivedUserIds(new CryptoProperties(keys));
	}

}
