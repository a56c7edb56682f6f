package org.dnstracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnstracer.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zone mode's reports say which servers the user gave with {@code --ns}: in the lab, undelegated.faults.org checked
 * with ns1 given, while ns2 comes from the child's NS set and the parent's servers from the root. Only ns1's node
 * says "given by --ns" (badge, class, data attribute, title, details), in the HTML, the SVG and the DOT graph, and
 * the page's legend explains the badge.
 */
class GivenServersReportTest {
    @TempDir
    Path dir;

    private record Reports(String html, String svg, String dot, String out) {}

    /** A run in the lab (or, for {@code --replay}, of its file) writing the three reports. */
    private Reports run(String... zoneArgs) throws IOException {
        Path html = dir.resolve("r.html");
        Path svg = dir.resolve("r.svg");
        Path dot = dir.resolve("r.dot");
        List<String> argv = new ArrayList<>(List.of("--html", html.toString(), "--svg", svg.toString(), "--dot",
                dot.toString()));
        if (!zoneArgs[0].equals("--replay")) {
            argv.add(0, "--lab");
        }
        argv.addAll(List.of(zoneArgs));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(argv.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).isEmpty();
        assertThat(status).isEqualTo(Cli.OK);
        return new Reports(Files.readString(html), Files.readString(svg), Files.readString(dot), out.toString());
    }

    /** Every node of {@code server} in the markup (one per section and address). */
    private static List<String> nodes(String markup, String server) {
        Matcher m = Pattern.compile("<g class=\"node[^\"]*\"[^>]*data-server=\"" + Pattern.quote(server)
                + "\".*?</g>\n", Pattern.DOTALL).matcher(markup);
        List<String> nodes = new ArrayList<>();
        while (m.find()) {
            nodes.add(m.group());
        }
        assertThat(nodes).as("nodes of %s", server).isNotEmpty();
        return nodes;
    }

    @Test
    void theServersGivenByNsAreMarkedAndNoOthers() throws IOException {
        Reports r = run("--zone", "undelegated.faults.org", "--ns", "ns1.undelegated.faults.org/127.53.62.1");
        // the run asked both: ns1 given, ns2 only named by the child's NS set
        assertThat(r.out()).contains("ns1.undelegated.faults.org [undelegated.faults.org] (127.53.62.1) Got "
                + "authoritative answer", "ns2.undelegated.faults.org [undelegated.faults.org] (127.53.62.2) Lame");
        for (String markup : List.of(r.html(), r.svg())) {
            for (String ns1 : nodes(markup, "ns1.undelegated.faults.org")) {
                assertThat(ns1).contains(" given\"", "data-given=\"ns\"", ">given by --ns</text>",
                        "; given by --ns</title>");
            }
            for (String other : List.of("ns2.undelegated.faults.org", "ns1.faults.org", "a.root-servers.net")) {
                for (String node : nodes(markup, other)) {
                    assertThat(node).doesNotContain("given");
                }
            }
        }
        assertThat(r.dot()).containsPattern("\"ns1\\.undelegated\\.faults\\.org\\\\n127\\.53\\.62\\.1\\\\n\\[[^\"]*"
                + "given by --ns\\]\"");
        assertThat(r.dot()).doesNotContainPattern("ns2\\.undelegated\\.faults\\.org\\\\n[^\"]*given by --ns");
        assertThat(r.html()).containsPattern("<li>Zone mode:</li><li data-given=\"ns\"><svg[^>]*><g class=\"badge "
                + "given\">.*?>given by --ns</text>");
        String id = idOf(nodes(r.html(), "ns1.undelegated.faults.org").get(0));
        Matcher details = Pattern.compile("<script type=\"application/json\" id=\"node-details\">(.*?)</script>",
                Pattern.DOTALL).matcher(r.html());
        assertThat(details.find()).isTrue();
        assertThat(details.group(1)).containsPattern("\"" + id + "\":\\{[^{]*\"given\":\"given by --ns\"");
    }

    @Test
    void aReplayOfTheSavedRunMarksTheSameServers() throws IOException {
        Path saved = dir.resolve("zone.json");
        Reports live = run("--zone", "undelegated.faults.org", "--ns", "ns1.undelegated.faults.org/127.53.62.1",
                "--save", saved.toString());
        Reports replayed = run("--replay", saved.toString());
        assertThat(replayed.out()).isEqualTo(live.out());
        assertThat(nodes(replayed.svg(), "ns1.undelegated.faults.org")).isEqualTo(
                nodes(live.svg(), "ns1.undelegated.faults.org")).allSatisfy(n -> assertThat(n).contains(
                        ">given by --ns</text>"));
        assertThat(replayed.dot()).isEqualTo(live.dot());
    }

    @Test
    void withoutNsNoServerIsMarkedGiven() throws IOException {
        Reports r = run("--zone", "example.com");
        assertThat(r.svg()).doesNotContain("given by --ns").doesNotContain("data-given");
        assertThat(r.dot()).doesNotContain("given by --ns");
        // the legend explains the badge whether or not this run has one
        assertThat(r.html()).doesNotContain("data-given=\"ns\" tabindex").contains("<li data-given=\"ns\">");
    }

    private static String idOf(String node) {
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(node);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
