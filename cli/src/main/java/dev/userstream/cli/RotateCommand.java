package dev.userstream.cli;

import java.net.URI;
import java.util.concurrent.Callable;

import dev.userstream.model.Fernet;
import dev.userstream.model.cli.CryptoCli;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code userstream rotate}: re-encrypts stored tokens under the first key, so that an old key can be dropped. */
@Command(name = "rotate", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Re-encrypt the stored email, username and password tokens under the first key of",
				"PIPELINE_ENCRYPTION_KEYS, like Python's MultiFernet.rotate (plaintext and token timestamp kept).",
				"",
				"Tokens already under the first key are left alone: a second run changes nothing, and a run",
				"stopped half-way is resumed by running it again. Works in batches, on the users table by",
				"user_id (other columns are not touched) or on every object under the bucket prefix (one JSON",
				"record or NDJSON lines, gzip or not). Progress goes to stderr, the final count to stdout." },
		footer = { "", "Environment:", "  PIPELINE_ENCRYPTION_KEYS  the new key first, then every key stored tokens may be under.", "",
				"Exit codes: 0 done, 1 some rows/objects failed or changed meanwhile (run again), 2 usage or key error." })
final class RotateCommand implements Callable<Integer> {

	@ParentCommand
	UserstreamCli cli;

	@Spec
	CommandSpec spec;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Store store;

	@ArgGroup(exclusive = false, heading = "%nDatabase (with --jdbc-url):%n")
	Database database = new Database();

	@ArgGroup(exclusive = false, heading = "%nS3 (with --s3-bucket):%n")
	Bucket bucket = new Bucket();

	@Option(names = "--batch-size", defaultValue = "500", paramLabel = "N",
			description = "Rows or objects per batch (one transaction per batch of rows; default: ${DEFAULT-VALUE}).")
	int batchSize;

	@Option(names = "--dry-run", description = "Count what would be rotated; write nothing.")
	boolean dryRun;

	static final class Store {

		@Option(names = "--jdbc-url", required = true, paramLabel = "URL",
				description = "The sink's database: jdbc:mysql://…, jdbc:mariadb://…, jdbc:postgresql://…")
		String jdbcUrl;

		@Option(names = "--s3-bucket", required = true, paramLabel = "BUCKET", description = "The sink's bucket.")
		String s3Bucket;

	}

	static final class Database {

		@Option(names = "--user", paramLabel = "USER", description = "The database user.")
		String user;

		@Option(names = "--password-env", paramLabel = "VARIABLE",
				description = "The environment variable that holds the database password (never the password itself).")
		String passwordEnv;

		@Option(names = "--table", defaultValue = "users", paramLabel = "TABLE", description = "Default: ${DEFAULT-VALUE}.")
		String table = "users";

	}

	static final class Bucket {

		@Option(names = "--s3-endpoint", paramLabel = "URL",
				description = "An S3-compatible endpoint (path-style access); default: AWS.")
		URI endpoint;

		@Option(names = "--region", paramLabel = "REGION", description = "Default: the AWS SDK's (AWS_REGION, profile).")
		String region;

		@Option(names = "--prefix", defaultValue = "users/", paramLabel = "PREFIX", description = "Default: ${DEFAULT-VALUE}.")
		String prefix = "users/";

	}

	@Override
	public Integer call() throws Exception {
		if (this.batchSize < 1) {
			throw new ParameterException(this.spec.commandLine(), "--batch-size must be at least 1");
		}
		Fernet fernet;
		try {
			fernet = Fernet.fromProperty(this.cli.env.get(CryptoCli.KEYS_ENV), CryptoCli.KEYS_ENV);
		}
		catch (IllegalArgumentException ex) {
			this.cli.err.println("userstream rotate: " + ex.getMessage());
			return this.spec.exitCodeOnInvalidInput();
		}
		TokenRotation rotation = new TokenRotation(fernet);
		RotationCounts counts;
		if (this.store.jdbcUrl != null) {
			String password = null;
			if (this.database.passwordEnv != null) {
				password = this.cli.env.get(this.database.passwordEnv);
				if (password == null) {
					throw new ParameterException(this.spec.commandLine(),
							"--password-env " + this.database.passwordEnv + ": no such environment variable");
				}
			}
			counts = new JdbcRotation(this.store.jdbcUrl, this.database.user, password, this.database.table, rotation,
					this.batchSize, this.dryRun, this.cli.err, this.cli.terminal).run();
		}
		else {
			counts = new S3Rotation(this.store.s3Bucket, this.bucket.prefix, this.bucket.endpoint, this.bucket.region,
					rotation, this.batchSize, this.dryRun, this.cli.err, this.cli.terminal).run();
		}
		counts.print(this.cli.out, this.dryRun);
		return counts.done() ? 0 : 1;
	}

}
