package dev.userstream.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.userstream.model.UserRecord;

/**
 * Users handled first to warm up, then the measured ones.
 *
 * @param warmup handled before the window opens
 * @param measured handled in the window
 */
record Workload(List<UserRecord> warmup, List<UserRecord> measured) {

	/** The first {@code measured} users after a warm-up of {@link BenchmarkOptions#warmup}. */
	static Workload of(List<UserRecord> users, int measured) {
		int warmup = BenchmarkOptions.warmup(measured);
		return new Workload(users.subList(0, warmup), users.subList(warmup, warmup + measured));
	}

	/** Warm-up users, then the measured ones. */
	List<UserRecord> all() {
		List<UserRecord> all = new ArrayList<>(this.warmup);
		all.addAll(this.measured);
		return all;
	}

}
