package dev.userstream.producer.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BearerTokensTests {

	final String current = IngestTokens.generate();

	final String previous = IngestTokens.generate();

	@Test
	void acceptsEachConfiguredTokenForRotation() {
		BearerTokens tokens = new BearerTokens(" " + this.current + " ,\n" + this.previous);

		assertThat(tokens.matches(this.current)).isTrue();
		assertThat(tokens.matches(this.previous)).isTrue();
	}

	@Test
	void rejectsAnyOtherTokenIncludingPrefixesExtensionsAndOtherCase() {
		BearerTokens tokens = new BearerTokens(this.current);

		assertThat(tokens.matches(this.current.substring(0, 63))).isFalse();
		assertThat(tokens.matches(this.current + "0")).isFalse();
		assertThat(tokens.matches(this.current.toUpperCase())).isFalse();
		assertThat(tokens.matches("")).isFalse();
		assertThat(tokens.matches(this.previous)).isFalse();
	}

	@Test
	void refusesAShortOrUnsendableEntryNamingItsPositionNeverItsValue() {
		String withSpace = "0123456789 abcdefgh";

		assertThatExceptionOfType(InvalidIngestTokensException.class)
			.isThrownBy(() -> new BearerTokens(this.current + ",short"))
			.withMessage("producer.ingest.tokens: entry 2 of 2 is shorter than 16 characters");
		assertThatExceptionOfType(InvalidIngestTokensException.class)
			.isThrownBy(() -> new BearerTokens(withSpace + "," + this.current))
			.withMessage("producer.ingest.tokens: entry 1 of 2 has a character a bearer token cannot have");
		assertThatExceptionOfType(InvalidIngestTokensException.class).isThrownBy(() -> new BearerTokens(this.current + ","))
			.withMessageContaining("entry 2 of 2");
		assertThat(new BearerTokens(this.current).toString()).doesNotContain(this.current);
	}

}
