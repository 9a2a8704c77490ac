package dev.userstream.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and memory of any process, read from {@code /proc/<pid>}.
 */
final class ProcStat {

	/** USER_HZ: /proc reports CPU time in these ticks on Linux. */
	private static final double TICKS_PER_SECOND = 100;

	private ProcStat() {
	}

	/** CPU seconds (user + system) the process has used. */
	static double cpuSeconds(long pid) {
		String stat = read(pid, "stat");
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
	}

	/** A field of {@code /proc/<pid>/status} in KiB ({@code VmRSS:}, {@code VmHWM:}), as MiB. */
	static double statusMiB(long pid, String field) {
		for (String line : read(pid, "status").split("\n")) {
			if (line.startsWith(field)) {
				return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) / 1024.0;
			}
		}
		throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
	}

	private static String read(long pid, String file) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid), file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
