package dev.userstream.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.userstream.cli.UserstreamCli.CommandException;

/**
 * Rotates the token columns of the users table in batches, paging by {@code user_id} (unique, indexed)
 * so that each page is one index range scan however large the table is, and committing each page: a
 * run stopped at any point leaves every row either rotated or not, and the next run skips the rotated
 * ones. An update applies only if the row still holds the tokens that were read, so a version the sink
 * stores meanwhile (under the producer's key) is never overwritten with an older one. Plain JDBC:
 * three columns by primary key need no ORM, and the same SQL runs on MySQL, MariaDB and PostgreSQL.
 */
final class JdbcRotation {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	private final String url;

	private final String user;

	private final String password;

	private final String table;

	private final TokenRotation rotation;

	private final int batchSize;

	private final boolean dryRun;

	private final PrintStream err;

	private final boolean terminal;

	JdbcRotation(String url, String user, String password, String table, TokenRotation rotation, int batchSize,
			boolean dryRun, PrintStream err, boolean terminal) {
		if (!IDENTIFIER.matcher(table).matches()) {
			throw new CommandException("--table " + table + " is not a table name");
		}
		this.url = url;
		this.user = user;
		this.password = password;
		this.table = table;
		this.rotation = rotation;
		this.batchSize = batchSize;
		this.dryRun = dryRun;
		this.err = err;
		this.terminal = terminal;
	}

	RotationCounts run() throws SQLException {
		RotationCounts counts = new RotationCounts("rows");
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password)) {
			connection.setAutoCommit(false);
			Progress progress = new Progress(this.err, this.terminal, "rows", count(connection));
			String select = "SELECT user_id, email, username, password FROM " + this.table
					+ " WHERE user_id > ? ORDER BY user_id LIMIT " + this.batchSize;
			String update = "UPDATE " + this.table + " SET email = ?, username = ?, password = ?"
					+ " WHERE user_id = ? AND email = ? AND username = ? AND password = ?";
			String after = "";
			try (PreparedStatement page = connection.prepareStatement(select);
					PreparedStatement write = connection.prepareStatement(update)) {
				while (true) {
					List<Row> rows = read(page, after);
					if (rows.isEmpty()) {
						break;
					}
					write(connection, write, rows, counts);
					after = rows.get(rows.size() - 1).userId();
					progress.update(counts.scanned);
				}
			}
			progress.finish();
		}
		return counts;
	}

	private long count(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + this.table)) {
			result.next();
			long count = result.getLong(1);
			connection.commit();
			return count;
		}
	}

	private static List<Row> read(PreparedStatement page, String after) throws SQLException {
		page.setString(1, after);
		List<Row> rows = new ArrayList<>();
		try (ResultSet result = page.executeQuery()) {
			while (result.next()) {
				rows.add(new Row(result.getString(1), new String[] { result.getString(2), result.getString(3),
						result.getString(4) }));
			}
		}
		return rows;
	}

	private void write(Connection connection, PreparedStatement write, List<Row> rows, RotationCounts counts)
			throws SQLException {
		List<Row> changed = new ArrayList<>();
		for (Row row : rows) {
			counts.scanned++;
			String[] rotated = rotate(row);
			if (rotated == null) {
				counts.failed++;
				continue;
			}
			if (rotated == row.tokens()) {
				counts.current++;
				continue;
			}
			changed.add(row);
			for (int i = 0; i < 3; i++) {
				write.setString(i + 1, rotated[i]);
				write.setString(i + 5, row.tokens()[i]);
			}
			write.setString(4, row.userId());
			write.addBatch();
		}
		if (changed.isEmpty() || this.dryRun) {
			counts.rotated += this.dryRun ? changed.size() : 0;
			write.clearBatch();
			connection.rollback();
			return;
		}
		int[] updated = write.executeBatch();
		connection.commit();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				counts.changedMeanwhile++;
				this.err.println("userstream rotate: user_id " + changed.get(i).userId()
						+ " changed while it was rotated; run again");
			}
			else {
				counts.rotated++;
			}
		}
	}

	/** The rotated tokens; the row's own array when all are current; {@code null} (counted, said) when it fails. */
	private String[] rotate(Row row) {
		String[] rotated = row.tokens().clone();
		boolean changed = false;
		try {
			for (int i = 0; i < 3; i++) {
				String token = row.tokens()[i];
				if (token == null) {
					throw new TokenRotation.Failure("field " + TokenRotation.FIELDS.get(i) + " is NULL");
				}
				String next = this.rotation.rotate(TokenRotation.FIELDS.get(i), token);
				if (next != null) {
					rotated[i] = next;
					changed = true;
				}
			}
		}
		catch (TokenRotation.Failure ex) {
			this.err.println("userstream rotate: user_id " + row.userId() + ": " + ex.getMessage());
			return null;
		}
		return changed ? rotated : row.tokens();
	}

	private record Row(String userId, String[] tokens) {
	}

}
