package dev.userstream.model.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;

/**
 * {@code userstream-crypto}: the operator's tool to make keys and to encrypt or decrypt tokens and
 * stored records with the pipeline's keys ({@value #KEYS_ENV}).
 */
public final class CryptoCli {

	/** The environment variable with the keys: comma-separated, the first encrypts. */
	public static final String KEYS_ENV = "PIPELINE_ENCRYPTION_KEYS";

	static final String USAGE = """
			Usage: java -jar userstream-crypto.jar <command>

			Commands:
			  genkey          print a new random Fernet key
			  encrypt         read plaintext lines on stdin, print one token per line
			  decrypt         read token lines on stdin, print one plaintext per line
			  decrypt-record  read NDJSON user records on stdin, print them with email, username
			                  and password decrypted; other fields, unknown ones included, are
			                  kept as they were
			  verifykeys      print the verification keys of PIPELINE_ENCRYPTION_KEYS (their
			                  signing halves, comma-separated): the sink checks tokens with
			                  them and cannot decrypt
			  -h, --help      print this help

			Environment:
			  PIPELINE_ENCRYPTION_KEYS  comma-separated Fernet keys (url-safe base64, 32 bytes);
			                            the first encrypts, every key is tried to decrypt.
			                            Needed by all commands but genkey.

			Input is UTF-8; blank lines are skipped. Tokens never expire here (no TTL).
			Exit codes: 0 done, 1 bad input line (stderr names the line and the reason,
			never its content; processing stops there), 2 usage or key error.
			""";

	private CryptoCli() {
	}

	/**
	 * Runs the tool and exits with its exit code.
	 * @param args the command
	 */
	public static void main(String[] args) {
		PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
				StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		int code = run(args, System.in, out, err, System.getenv());
		out.flush();
		System.exit(code);
	}

	static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
		return run("userstream-crypto", args, in, out, err, env);
	}

	/**
	 * Runs one command in-process, for the {@code userstream crypto} commands of the operator CLI.
	 * @param name the tool's name, before each message on {@code err}
	 * @param args the command, as on this tool's command line
	 * @param env the environment, {@value #KEYS_ENV} included
	 * @return the exit code
	 */
	public static int run(String name, String[] args, InputStream in, PrintStream out, PrintStream err,
			Map<String, String> env) {
		try {
			execute(args, in, out, env);
			return 0;
		}
		catch (CliException ex) {
			out.flush();
			err.println(name + ": " + ex.getMessage());
			if (ex.showUsage()) {
				err.print(USAGE);
			}
			return ex.exitCode();
		}
		finally {
			out.flush();
		}
	}

	private static void execute(String[] args, InputStream in, PrintStream out, Map<String, String> env) {
		if (args.length == 0) {
			throw CliException.badUsage("no command given");
		}
		if (args.length > 1) {
			throw CliException.badUsage("unexpected arguments after " + args[0]);
		}
		switch (args[0]) {
			case "-h", "--help" -> out.print(USAGE);
			case "genkey" -> printLine(out, FernetKey.generate(new SecureRandom()).encoded());
			case "encrypt" -> {
				Fernet fernet = fernet(env);
				InputLines.forEach(in, (line) -> printLine(out, fernet.encrypt(line)));
			}
			case "decrypt" -> {
				Fernet fernet = fernet(env);
				InputLines.forEach(in, (line) -> printLine(out, fernet.decryptToString(line.strip())));
			}
			case "verifykeys" -> printLine(out, verificationKeys(env));
			case "decrypt-record" -> {
				RecordDecryptor decryptor = new RecordDecryptor(fernet(env));
				InputLines.forEach(in, (line) -> printLine(out, decryptor.decrypt(line)));
			}
			default -> throw CliException.badUsage("unknown command: " + args[0]);
		}
	}

	private static Fernet fernet(Map<String, String> env) {
		try {
			return Fernet.fromProperty(env.get(KEYS_ENV), KEYS_ENV);
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(CliException.USAGE, ex.getMessage());
		}
	}

	private static String verificationKeys(Map<String, String> env) {
		try {
			return Fernet.verificationKeysOf(env.get(KEYS_ENV), KEYS_ENV);
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(CliException.USAGE, ex.getMessage());
		}
	}

	// '\n' rather than println: the output is data, and must not change with the platform
	private static void printLine(PrintStream out, String line) {
		out.print(line);
		out.print('\n');
	}

}
