package dev.userstream.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/prometheus/userstream-rules.yaml, checked by Prometheus's own {@code promtool} (Debian's
 * {@code prometheus} package; .ci/run installs it): the rules are valid, and its unit tests, one
 * firing and one quiet case per alert, pass. Each alert documents itself and has its runbook.
 */
class PrometheusRulesTests {

	@Test
	void promtoolAcceptsTheRules() {
		assertThat(promtool("check", "rules", RepositoryFiles.ALERT_RULES.toString())).contains("SUCCESS");
	}

	@Test
	void promtoolAcceptsComposesPrometheusConfigWithTheRules(@TempDir Path directory) throws IOException {
		// the container path of the rules (compose mounts them there) replaced by the file's own
		String config = RepositoryFiles.read(RepositoryFiles.ROOT.resolve("compose/prometheus/prometheus.yml"))
			.replace("/etc/prometheus/rules/userstream-rules.yaml", RepositoryFiles.ALERT_RULES.toString());
		Path copy = Files.writeString(directory.resolve("prometheus.yml"), config);

		assertThat(promtool("check", "config", copy.toString())).contains("SUCCESS: 1 rule files found").contains(rules().size() + " rules found");
	}

	@Test
	void promtoolUnitTestsPass() {
		assertThat(promtool("test", "rules", "userstream-rules.test.yaml")).contains("SUCCESS");
	}

	@Test
	void everyAlertIsUnitTestedFiringAndQuiet() {
		JsonNode tests = Yaml.read(RepositoryFiles.read(RepositoryFiles.PROMETHEUS.resolve("userstream-rules.test.yaml")));
		for (String alert : alertNames()) {
			List<JsonNode> cases = new ArrayList<>();
			tests.path("tests").forEach((test) -> test.path("alert_rule_test").forEach((check) -> {
				if (alert.equals(check.path("alertname").asString())) {
					cases.add(check);
				}
			}));
			assertThat(cases).as(alert + ": a firing case").anyMatch((check) -> !check.path("exp_alerts").isEmpty());
			assertThat(cases).as(alert + ": a quiet case").anyMatch((check) -> check.path("exp_alerts").isEmpty());
		}
	}

	@Test
	void everyAlertHasASummaryADescriptionNamingItsMetricAndARunbook() {
		String operations = RepositoryFiles.read(RepositoryFiles.OPERATIONS);
		for (JsonNode rule : rules()) {
			String alert = rule.path("alert").asString();
			JsonNode annotations = rule.path("annotations");
			assertThat(annotations.path("summary").asString()).as(alert).isNotBlank();
			String metric = firstMetric(rule.path("expr").asString());
			assertThat(annotations.path("description").asString()).as(alert + " names " + metric).contains(metric);
			assertThat(annotations.path("runbook_url").asString()).as(alert)
				.endsWith("docs/operations.md#" + alert.toLowerCase(Locale.ROOT));
			assertThat(operations.lines()).as("docs/operations.md has a runbook for " + alert).contains("### " + alert);
		}
	}

	static List<JsonNode> rules() {
		List<JsonNode> rules = new ArrayList<>();
		Yaml.read(RepositoryFiles.read(RepositoryFiles.ALERT_RULES)).path("groups")
			.forEach((group) -> group.path("rules").forEach(rules::add));
		return rules;
	}

	static List<String> alertNames() {
		return rules().stream().map((rule) -> rule.path("alert").asString()).toList();
	}

	private static String firstMetric(String expr) {
		// a histogram's series are named after it: userstream_latency_seconds_bucket is userstream_latency_seconds
		return PromQl.metricNames(expr).iterator().next().replaceFirst("_(bucket|count|sum)$", "");
	}

	/** Runs promtool in deploy/prometheus and returns its output; fails with one line when it is missing or fails. */
	private static String promtool(String... arguments) {
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).directory(RepositoryFiles.PROMETHEUS.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new AssertionError("promtool is not installed: apt-get install prometheus (.ci/run does)");
		}
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
			assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
