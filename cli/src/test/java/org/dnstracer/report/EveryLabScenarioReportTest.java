package org.dnstracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dnstracer.cli.Cli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the built-in lab's table, traced with --html, --svg and --dot at once: each format has one node
 * per server address of each section of the text tree printed by the same run.
 */
class EveryLabScenarioReportTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)`");
    private static final Pattern LINE = Pattern.compile("^[ |\\\\_]*(\\S+) (?:\\[[^]]*] )?(?:\\(([0-9a-fA-F.:]+)\\))?");

    @TempDir
    Path dir;

    /** The names (and options) of the scenario tables of the lab's README; the dnssec.org ones with -D. */
    static Stream<String> scenarios() throws IOException {
        String readme;
        try (InputStream in = EveryLabScenarioReportTest.class.getResourceAsStream("/lab/default/README.md")) {
            readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> scenarios = new LinkedHashSet<>();
        for (String line : readme.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                String cell = m.group(1);
                if (cell.contains(".") && !cell.contains("\u2026") && !cell.startsWith("*") && !cell.contains("=")) {
                    scenarios.add(cell.endsWith("dnssec.org") ? "-D " + cell : cell);
                }
            }
        }
        assertThat(scenarios).hasSizeGreaterThan(40);
        return scenarios.stream();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyFormatHasOneNodePerServerAddressOfTheTree(String scenario) throws IOException {
        Path html = dir.resolve("r.html");
        Path svg = dir.resolve("r.svg");
        Path dot = dir.resolve("r.dot");
        List<String> argv = new ArrayList<>(List.of("--lab", "-t", "1", "--html", html.toString(), "--svg",
                svg.toString(), "--dot", dot.toString()));
        argv.addAll(List.of(scenario.split(" ")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(argv.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).isEmpty();
        assertThat(status).isIn(Cli.OK, Cli.NO_AUTHORITATIVE_ANSWER);

        List<Integer> expected = addressesPerSection(out.toString());
        String[] svgSections = Files.readString(svg).split("<text class=\"section-title\"");
        assertThat(svgSections).hasSize(expected.size() + 1);
        for (int s = 0; s < expected.size(); s++) {
            assertThat(count(svgSections[s + 1], "<g class=\"node ")).as("SVG section %d", s)
                    .isEqualTo(expected.get(s));
        }
        int total = expected.stream().mapToInt(Integer::intValue).sum();
        String page = Files.readString(html);
        assertThat(count(page, "<g class=\"node ")).isEqualTo(total);
        assertThat(count(page, "<div class=\"section\"")).isEqualTo(expected.size());
        assertThat(count(Files.readString(dot), " [label=\"")).isEqualTo(total);
    }

    /** Distinct server name and address pairs of each section of the printed tree. */
    private static List<Integer> addressesPerSection(String text) {
        List<Integer> counts = new ArrayList<>();
        Set<String> current = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("Tracing to ")) {
                current = new LinkedHashSet<>();
                continue;
            }
            if (current == null) {
                continue;
            }
            // a section is its start server's line and the indented lines below it: anything else ends it
            if (!current.isEmpty() && !line.startsWith(" ")) {
                counts.add(current.size());
                current = null;
                continue;
            }
            Matcher m = LINE.matcher(line);
            assertThat(m.find()).as("tree line %s", line).isTrue();
            current.add(m.group(1) + " " + m.group(2));
        }
        if (current != null) {
            counts.add(current.size());
        }
        return counts;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
