package dev.userstream.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a test database is (MySQL-compatible, or PostgreSQL). {@link #toString()} hides the password.
 *
 * @param url JDBC URL; its scheme picks the driver ({@code jdbc:mariadb:}, {@code jdbc:mysql:} or {@code jdbc:postgresql:})
 * @param username user name
 * @param password password, may be empty
 */
public record DatabaseEndpoint(String url, String username, String password) {

	/** A new connection (the caller closes it). */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

	@Override
	public String toString() {
		return "DatabaseEndpoint[url=" + this.url + ", username=" + this.username + "]";
	}

}
