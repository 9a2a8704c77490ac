package dev.userstream.local;

import java.util.List;
import java.util.Set;

import dev.userstream.local.LocalRunOptions.Store;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunSummaryTests {

	@Test
	void everyProducedUserStoredOnceIsClean() {
		RunSummary summary = RunSummary.of(List.of("a", "b", "c"), List.of(),
				List.of(new StoreInventory(Store.JPA, 3, Set.of("a", "b", "c"), null)));
		assertThat(summary.line()).isEqualTo("SUMMARY produced=3 stored=3 dead_lettered=0 duplicates=0 lost=0");
		assertThat(summary.clean()).isTrue();
	}

	@Test
	void aMissingUserIsLostUnlessItWasDeadLettered() {
		var stores = List.of(new StoreInventory(Store.JPA, 2, Set.of("a", "b"), null));
		assertThat(RunSummary.of(List.of("a", "b", "c"), List.of(), stores).line())
			.isEqualTo("SUMMARY produced=3 stored=2 dead_lettered=0 duplicates=0 lost=1");
		RunSummary deadLettered = RunSummary.of(List.of("a", "b", "c"), List.of("c"), stores);
		assertThat(deadLettered.line()).isEqualTo("SUMMARY produced=3 stored=2 dead_lettered=1 duplicates=0 lost=0");
		assertThat(deadLettered.clean()).isTrue();
	}

	@Test
	void aUserStoredTwiceIsADuplicate() {
		RunSummary summary = RunSummary.of(List.of("a", "b"), List.of(),
				List.of(new StoreInventory(Store.S3, 3, Set.of("a", "b"), null)));
		assertThat(summary.line()).isEqualTo("SUMMARY produced=2 stored=2 dead_lettered=0 duplicates=1 lost=0");
		assertThat(summary.clean()).isFalse();
	}

	@Test
	void withTwoStoresTheWorseOneCounts() {
		RunSummary summary = RunSummary.of(List.of("a", "b", "c"), List.of(),
				List.of(new StoreInventory(Store.JPA, 3, Set.of("a", "b", "c"), null), new StoreInventory(Store.S3, 1, Set.of("a"), null)));
		assertThat(summary.line()).isEqualTo("SUMMARY produced=3 stored=1 dead_lettered=0 duplicates=0 lost=2");
	}

	@Test
	void aUserSentTwiceCountsOnceAsProduced() {
		RunSummary summary = RunSummary.of(List.of("a", "a", "b"), List.of(),
				List.of(new StoreInventory(Store.JPA, 2, Set.of("a", "b"), null)));
		assertThat(summary.line()).isEqualTo("SUMMARY produced=2 stored=2 dead_lettered=0 duplicates=0 lost=0");
	}

}
