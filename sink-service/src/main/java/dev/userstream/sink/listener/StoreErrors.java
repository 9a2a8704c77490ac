package dev.userstream.sink.listener;

import java.sql.SQLException;

/** A store's refusal, described without its message (drivers quote the rejected values in theirs). */
final class StoreErrors {

	private StoreErrors() {
	}

	static String describe(RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return "SQLState " + sql.getSQLState() + ", error " + sql.getErrorCode();
			}
		}
		return ex.getClass().getName();
	}

}
