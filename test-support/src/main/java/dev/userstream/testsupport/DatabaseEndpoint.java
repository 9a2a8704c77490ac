package dev.userstream.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a test database is (MySQL-compatible, or PostgreSQL). {@link #toString()} hides the password.
 *
 * @param url JDBC URL; its scheme picks the driver ({@code jdbc:mariadb:}, {@code jdbc:mysql:} or {@code jdbc:postgresql:})
 * @param username user name
 * @param password password, may be empty
 */
public record DatabaseEndpoint(String url, String username, String password) {

	private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)");

	/** A {@link TcpProxy} in front of this database (the caller closes it). */
	public TcpProxy proxy() {
		Matcher matcher = HOST_PORT.matcher(this.url);
		if (!matcher.find()) {
			throw new IllegalStateException("No host:port in " + this.url);
		}
		return new TcpProxy(matcher.group(1), Integer.parseInt(matcher.group(2)));
	}

	/** This database reached through {@code proxy} instead of directly. */
	public DatabaseEndpoint through(TcpProxy proxy) {
		return new DatabaseEndpoint(HOST_PORT.matcher(this.url).replaceFirst("//127.0.0.1:" + proxy.port()), this.username,
				this.password);
	}

	/** A new connection (the caller closes it). */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

	@Override
	public String toString() {
		return "DatabaseEndpoint[url=" + this.url + ", username=" + this.username + "]";
	}

}
