package dev.userstream.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dev.userstream.testsupport.DatabaseEndpoint;

/**
 * The database server's process on this machine (MariaDB or MySQL: {@code mariadbd}, {@code mysqld}),
 * so that a run can charge each writer the server CPU it causes. A server elsewhere is not measured.
 *
 * @param pid the server's process id
 */
record DatabaseProcess(long pid) implements Measured {

	static final String DATABASE = "database";

	private static final int DEFAULT_PORT = 3306;

	/**
	 * The server process answering the endpoint: the embedded one this JVM started, else the only local
	 * server, else the one started with {@code --port=<the endpoint's port>} (or without {@code --port} for 3306).
	 */
	static Optional<DatabaseProcess> of(DatabaseEndpoint endpoint) {
		List<ProcessHandle> own = ProcessHandle.current().descendants().filter(DatabaseProcess::isServer).toList();
		if (own.size() == 1) {
			return Optional.of(new DatabaseProcess(own.get(0).pid()));
		}
		List<ProcessHandle> all = ProcessHandle.allProcesses().filter(DatabaseProcess::isServer).toList();
		if (all.size() == 1) {
			return Optional.of(new DatabaseProcess(all.get(0).pid()));
		}
		int port = port(endpoint.url());
		return all.stream().filter((server) -> {
			String arguments = String.join(" ", server.info().arguments().orElse(new String[0]));
			return arguments.contains("--port=" + port) || (port == DEFAULT_PORT && !arguments.contains("--port="));
		}).findFirst().map((server) -> new DatabaseProcess(server.pid()));
	}

	private static boolean isServer(ProcessHandle process) {
		String command = process.info().command().orElse("");
		return command.endsWith("/mariadbd") || command.endsWith("/mysqld");
	}

	private static int port(String jdbcUrl) {
		int port = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
		return (port > 0) ? port : DEFAULT_PORT;
	}

	@Override
	public String role() {
		return DATABASE;
	}

	@Override
	public double cpuSeconds() {
		return ProcStat.cpuSeconds(this.pid);
	}

	@Override
	public double rssMiB() {
		return ProcStat.statusMiB(this.pid, "VmRSS:");
	}

	@Override
	public void checkAlive() {
		if (ProcessHandle.of(this.pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
			throw new IllegalStateException("the database server (pid " + this.pid + ") has ended");
		}
	}

}
