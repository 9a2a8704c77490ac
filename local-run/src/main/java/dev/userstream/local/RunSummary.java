package dev.userstream.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The verdict of a run, from what the topic holds and what the stores hold.
 *
 * @param produced distinct users in the topic
 * @param stored distinct produced users found in the store (the smallest count when the sink writes
 * to several stores)
 * @param deadLettered records in the dead-letter topic
 * @param duplicates stored entries beyond one per user, over all stores
 * @param lost produced users that are neither stored (in every store) nor dead-lettered
 */
record RunSummary(long produced, long stored, long deadLettered, long duplicates, long lost) {

	static RunSummary of(Collection<String> producedKeys, Collection<String> deadLetterKeys,
			List<StoreInventory> stores) {
		Set<String> produced = new HashSet<>(producedKeys);
		long stored = Long.MAX_VALUE;
		long duplicates = 0;
		long lost = 0;
		for (StoreInventory store : stores) {
			Set<String> storedHere = new HashSet<>(store.userIds());
			storedHere.retainAll(produced);
			stored = Math.min(stored, storedHere.size());
			duplicates += store.duplicates();
			Set<String> missing = new HashSet<>(produced);
			missing.removeAll(store.userIds());
			missing.removeAll(deadLetterKeys);
			lost = Math.max(lost, missing.size());
		}
		return new RunSummary(produced.size(), stores.isEmpty() ? 0 : stored, deadLetterKeys.size(), duplicates, lost);
	}

	boolean clean() {
		return this.lost == 0 && this.duplicates == 0;
	}

	/** The last line of every run, exactly as the README shows it. */
	String line() {
		return "SUMMARY produced=" + this.produced + " stored=" + this.stored + " dead_lettered=" + this.deadLettered
				+ " duplicates=" + this.duplicates + " lost=" + this.lost;
	}

	/** Lines that explain a store's count, printed before the summary. */
	static List<String> details(List<StoreInventory> stores) {
		List<String> lines = new ArrayList<>();
		for (StoreInventory store : stores) {
			String where = (store.store() == LocalRunOptions.Store.JPA) ? "users table: " + store.entries() + " rows"
					: "bucket " + LocalInfrastructure.BUCKET + ": " + store.entries() + " users";
			lines.add(where + ", " + store.userIds().size() + " distinct");
		}
		return lines;
	}

	/** Why a run failed, for the {@code FAILED:} line. */
	String failure(int producerStatus) {
		if (producerStatus != 0) {
			return "producer-service exited with " + producerStatus;
		}
		if (this.produced == 0) {
			return "nothing was produced";
		}
		return "lost or duplicated users";
	}

}
