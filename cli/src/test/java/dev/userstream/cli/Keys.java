package dev.userstream.cli;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;

/** A rotation's keys, new for every test: the old one the data is under, the new one that replaces it. */
record Keys(FernetKey oldKey, FernetKey newKey) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static Keys generate() {
		return new Keys(FernetKey.generate(RANDOM), FernetKey.generate(RANDOM));
	}

	Fernet oldOnly() {
		return Fernet.of(List.of(this.oldKey));
	}

	Fernet newOnly() {
		return Fernet.of(List.of(this.newKey));
	}

	/** PIPELINE_ENCRYPTION_KEYS during a rotation: the new key first, the old one still there to decrypt. */
	Map<String, String> rotationEnv() {
		return Map.of("PIPELINE_ENCRYPTION_KEYS", this.newKey.encoded() + "," + this.oldKey.encoded());
	}

}
