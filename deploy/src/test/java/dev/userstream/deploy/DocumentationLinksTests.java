package dev.userstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown files of the repository link only to files that exist, and to headings that exist when
 * a link names one, so moving a section cannot leave a reader at a dead end; the README stays short
 * enough to read as the front door. Written by hand because the link checkers that know GitHub's
 * heading anchors are npm or Ruby tools, and the build has neither.
 */
class DocumentationLinksTests {

	private static final Pattern FENCE = Pattern.compile("(?ms)^ *```.*?^ *```[^\\n]*$");

	private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	private static final int README_MAX_BYTES = 15_000;

	@Test
	void everyRelativeLinkResolvesToAFileAndItsHeading() {
		List<Path> documents = markdownFiles();
		assertThat(documents).contains(RepositoryFiles.ROOT.resolve("README.md"),
				RepositoryFiles.ROOT.resolve("docs/architecture.md"));
		List<String> broken = new ArrayList<>();
		Map<Path, Set<String>> anchors = new HashMap<>();
		for (Path document : documents) {
			for (String link : links(RepositoryFiles.read(document))) {
				String problem = check(document, link, anchors);
				if (problem != null) {
					broken.add(RepositoryFiles.ROOT.relativize(document) + ": (" + link + ") " + problem);
				}
			}
		}
		assertThat(broken).as("links that lead nowhere").isEmpty();
	}

	@Test
	void readmeFitsTheFrontDoor() throws IOException {
		assertThat(Files.size(RepositoryFiles.ROOT.resolve("README.md"))).as("README.md bytes")
			.isLessThanOrEqualTo(README_MAX_BYTES);
	}

	@Test
	void anchorsFollowGitHubsRules() {
		assertThat(anchors("# Kubernetes (Helm)\n## The original producer's records\n### Database (`jpa`)\n## Tests\n## Tests"))
			.containsExactly("kubernetes-helm", "the-original-producers-records", "database-jpa", "tests", "tests-1");
	}

	private static String check(Path document, String link, Map<Path, Set<String>> anchors) {
		if (SCHEME.matcher(link).find()) {
			return null; // a web address: not checked offline
		}
		int hash = link.indexOf('#');
		String path = (hash >= 0) ? link.substring(0, hash) : link;
		String anchor = (hash >= 0) ? link.substring(hash + 1) : null;
		Path target = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
		if (!target.startsWith(RepositoryFiles.ROOT)) {
			return "points outside the repository";
		}
		if (!Files.exists(target)) {
			return "no such file";
		}
		if (anchor != null && target.toString().endsWith(".md")
				&& !anchors.computeIfAbsent(target, (md) -> anchors(RepositoryFiles.read(md))).contains(anchor)) {
			return "no heading with this anchor";
		}
		return null;
	}

	private static List<String> links(String markdown) {
		String prose = CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
		List<String> links = new ArrayList<>();
		Matcher matcher = LINK.matcher(prose);
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}

	/** GitHub's heading ids: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
	static Set<String> anchors(String markdown) {
		Set<String> anchors = new LinkedHashSet<>();
		Matcher matcher = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
		while (matcher.find()) {
			String text = matcher.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
			String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc}\\- ]", "").replace(' ', '-');
			String unique = slug;
			for (int n = 1; !anchors.add(unique); n++) {
				unique = slug + "-" + n;
			}
		}
		return anchors;
	}

	/** The repository's Markdown, without build output, version control or a tool's or a local run's own files. */
	private static List<Path> markdownFiles() {
		List<Path> files = new ArrayList<>();
		try {
			Files.walkFileTree(RepositoryFiles.ROOT, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					String name = dir.getFileName().toString();
					boolean skipped = !dir.equals(RepositoryFiles.ROOT)
							&& (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
					return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (file.getFileName().toString().endsWith(".md")) {
						files.add(file);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

}
