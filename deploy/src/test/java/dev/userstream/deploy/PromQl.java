package dev.userstream.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. A tokenizer is enough here (no PromQL parser exists for
 * Java): label matchers, ranges, strings and grouping clauses are removed, then every identifier that
 * is not a function call, keyword or number is a metric name.
 */
final class PromQl {

	private static final Pattern REMOVED = Pattern.compile(
			"\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^}]*}|\\[[^\\]]*]|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan");

	private PromQl() {
	}

	static Set<String> metricNames(String expr) {
		String stripped = REMOVED.matcher(expr).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(stripped);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (matcher.group(2) == null && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				names.add(name);
			}
		}
		return names;
	}

}
