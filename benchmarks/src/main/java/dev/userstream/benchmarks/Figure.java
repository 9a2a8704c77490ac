package dev.userstream.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One measured quantity over its repeats: the median and the range.
 *
 * @param values one value per repeat
 */
record Figure(List<Double> values) {

	Figure {
		values = List.copyOf(values);
	}

	static Figure of(double... values) {
		List<Double> list = new ArrayList<>();
		for (double value : values) {
			list.add(value);
		}
		return new Figure(list);
	}

	/** Whether every repeat has a value (a process that could not be measured gives NaN). */
	boolean measured() {
		return !this.values.isEmpty() && this.values.stream().noneMatch((value) -> value.isNaN());
	}

	/** The median; NaN when not {@link #measured()}. */
	double median() {
		if (!measured()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(this.values);
		Collections.sort(sorted);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	double min() {
		return Collections.min(this.values);
	}

	double max() {
		return Collections.max(this.values);
	}

	/** {@code 12,345 (11,900–12,800)}, or {@code n/a}. */
	String describe() {
		if (!measured()) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", median(), min(), max());
	}

	/** Like {@link #describe()} with one decimal, for small numbers. */
	String describeDecimal() {
		if (!measured()) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%,.1f (%,.1f–%,.1f)", median(), min(), max());
	}

}
