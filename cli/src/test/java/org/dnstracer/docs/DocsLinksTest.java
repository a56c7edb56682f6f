package org.dnstracer.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is the way in and docs/ holds the reference: every relative link of README.md and docs/*.md must lead
 * somewhere (the file exists; an {@code #anchor} is a heading of the page it names, by GitHub's rule), every page
 * of docs/ must be linked from the README, and the README must stay short enough to read in five minutes.
 */
class DocsLinksTest {
    private static final Path REPO = Path.of("..");
    private static final Path README = REPO.resolve("README.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.*?)#*\\s*$");

    @Test
    void everyRelativeLinkResolvesToAFileAndAHeading() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(read(page))) {
                String problem = problem(page, target);
                if (problem != null) {
                    broken.add(REPO.relativize(page) + ": " + target + ": " + problem);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyDocsPageIsLinkedFromTheReadme() {
        Set<Path> linked = new LinkedHashSet<>();
        for (String target : links(read(README))) {
            String path = target.split("#", 2)[0];
            if (!path.isEmpty() && !external(target)) {
                linked.add(REPO.resolve(path).normalize());
            }
        }
        List<Path> missing = new ArrayList<>();
        for (Path page : docsPages()) {
            if (!linked.contains(page.normalize())) {
                missing.add(REPO.relativize(page));
            }
        }
        assertThat(missing).as("docs pages the README does not link to").isEmpty();
    }

    @Test
    void readmeIsUnder300Lines() {
        assertThat(read(README).lines().count()).isLessThan(300);
    }

    @Test
    void slugsFollowGitHubsRule() {
        assertThat(slug("Bulk tracing (`--bulk`)")).isEqualTo("bulk-tracing---bulk");
        assertThat(slug("Reports (`--html`, `--svg`, `--dot`)")).isEqualTo("reports---html---svg---dot");
        assertThat(slug("`DNSSEC_RRSIG_EXPIRED`")).isEqualTo("dnssec_rrsig_expired");
        assertThat(slug("Differences from dnstracer 1.9")).isEqualTo("differences-from-dnstracer-19");
        assertThat(anchors("# A\n```\n# not a heading\n```\n## A\n")).containsExactly("a", "a-1");
        assertThat(links("1. item\n   ```\n   [x](inside-a-fence.md)\n   ```\n[y](outside.md) `[z](in-a-span.md)`\n"))
                .containsExactly("outside.md");
    }

    @Test
    void aMissingFileOrHeadingIsReported() {
        assertThat(problem(README, "docs/no-such-page.md")).isEqualTo("no such file");
        assertThat(problem(README, "#no-such-heading")).isEqualTo("no heading #no-such-heading in README.md");
        assertThat(problem(README, "https://example.com/x")).isNull();
    }

    /** Why TARGET, linked from PAGE, leads nowhere; null when it resolves. */
    private static String problem(Path page, String target) {
        if (external(target)) {
            return null;
        }
        String[] parts = target.split("#", 2);
        Path file = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (parts.length == 2 && file.toString().endsWith(".md")
                && !anchors(read(file)).contains(parts[1])) {
            return "no heading #" + parts[1] + " in " + file.getFileName();
        }
        return null;
    }

    private static boolean external(String target) {
        return target.matches("^[a-z]+:.*");
    }

    /** The link targets of a page, outside code blocks and code spans. */
    static List<String> links(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(withoutCode(markdown));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The anchors GitHub makes of a page's headings: the slug, and "-1", "-2"... for repeats. */
    static Set<String> anchors(String markdown) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutFences(markdown).split("\n", -1)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String s = slug(m.group(1));
                int n = seen.merge(s, 1, Integer::sum) - 1;
                out.add(n == 0 ? s : s + "-" + n);
            }
        }
        return out;
    }

    /** GitHub's rule: lower case, every character but letters, digits, '-', '_' and spaces dropped, spaces '-'. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\-_ ]", "").replace(' ', '-');
    }

    private static String withoutFences(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean fence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) { // also a fence indented inside a list item
                fence = !fence;
                out.append('\n');
            } else {
                out.append(fence ? "" : line).append('\n');
            }
        }
        return out.toString();
    }

    /** Code spans hold examples, not links; a link's text may be one ([`x`](x)), so only the span is dropped. */
    private static String withoutCode(String markdown) {
        return withoutFences(markdown).replaceAll("`[^`\n]*`", "");
    }

    private static List<Path> pages() {
        List<Path> out = new ArrayList<>();
        out.add(README);
        out.addAll(docsPages());
        return out;
    }

    private static List<Path> docsPages() {
        try (Stream<Path> s = Files.list(REPO.resolve("docs"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path page) {
        try {
            return Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
