package dev.userstream.cli;

import java.util.concurrent.Callable;

import dev.userstream.model.cli.CryptoCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code userstream crypto}: the commands of {@code userstream-crypto}, which still exists as
 * {@code shared-model/target/userstream-crypto.jar}. Each subcommand runs {@link CryptoCli}'s own
 * implementation, so the two names behave alike, byte for byte and exit code for exit code.
 */
@Command(name = "crypto", mixinStandardHelpOptions = true,
		description = "Make keys, encrypt and decrypt tokens and stored records with PIPELINE_ENCRYPTION_KEYS.",
		subcommands = { CryptoCommand.Genkey.class, CryptoCommand.Encrypt.class, CryptoCommand.Decrypt.class,
				CryptoCommand.DecryptRecord.class, CryptoCommand.Verifykeys.class },
		footer = { "", "Environment:", "  PIPELINE_ENCRYPTION_KEYS  comma-separated Fernet keys; the first encrypts, every key is"
				+ " tried to decrypt. Needed by all commands but genkey.", "",
				"Input is UTF-8 lines on stdin; blank lines are skipped. Tokens never expire here (no TTL).",
				"Exit codes: 0 done, 1 bad input line (stderr names the line and the reason, never its content), 2 usage or key error." })
final class CryptoCommand extends CommandGroup {

	/** Runs one of {@link CryptoCli}'s commands with the CLI's streams and environment. */
	abstract static class Delegate implements Callable<Integer> {

		@ParentCommand
		CryptoCommand crypto;

		private final String command;

		Delegate(String command) {
			this.command = command;
		}

		@Override
		public Integer call() {
			UserstreamCli cli = this.crypto.cli;
			return CryptoCli.run("userstream crypto " + this.command, new String[] { this.command }, cli.in, cli.out,
					cli.err, cli.env);
		}

	}

	@Command(name = "genkey", mixinStandardHelpOptions = true, description = "Print a new random Fernet key.")
	static final class Genkey extends Delegate {

		Genkey() {
			super("genkey");
		}

	}

	@Command(name = "encrypt", mixinStandardHelpOptions = true,
			description = "Read plaintext lines on stdin, print one token per line (first key).")
	static final class Encrypt extends Delegate {

		Encrypt() {
			super("encrypt");
		}

	}

	@Command(name = "decrypt", mixinStandardHelpOptions = true,
			description = "Read token lines on stdin, print one plaintext per line (any key).")
	static final class Decrypt extends Delegate {

		Decrypt() {
			super("decrypt");
		}

	}

	@Command(name = "decrypt-record", mixinStandardHelpOptions = true,
			description = { "Read NDJSON user records on stdin, print them with email, username and password decrypted;",
					"other fields, unknown ones included, are kept as they were." })
	static final class DecryptRecord extends Delegate {

		DecryptRecord() {
			super("decrypt-record");
		}

	}

	@Command(name = "verifykeys", mixinStandardHelpOptions = true,
			description = { "Print the verification keys of PIPELINE_ENCRYPTION_KEYS (their signing halves,",
					"comma-separated): the sink checks tokens with them and cannot decrypt." })
	static final class Verifykeys extends Delegate {

		Verifykeys() {
			super("verifykeys");
		}

	}

}
