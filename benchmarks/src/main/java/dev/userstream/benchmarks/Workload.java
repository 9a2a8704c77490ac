package dev.userstream.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.userstream.model.UserRecord;

/**
 * Users handled first to warm up (the first 20 %), then the measured ones (the steady window).
 *
 * @param warmup handled before the window opens
 * @param measured handled in the window
 */
record Workload(List<UserRecord> warmup, List<UserRecord> measured) {

	/** The first {@code total} users: the first {@link BenchmarkOptions#warmup} of them to warm up. */
	static Workload of(List<UserRecord> users, int total) {
		int warmup = BenchmarkOptions.warmup(total);
		return new Workload(users.subList(0, warmup), users.subList(warmup, total));
	}

	/** Warm-up users, then the measured ones. */
	List<UserRecord> all() {
		List<UserRecord> all = new ArrayList<>(this.warmup);
		all.addAll(this.measured);
		return all;
	}

}
