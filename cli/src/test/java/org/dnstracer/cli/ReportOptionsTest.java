package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dnstracer.report.GeneratedLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --html, --svg and --dot through the command: files written beside the normal output, errors as the CLI's. */
class ReportOptionsTest {
    @TempDir
    Path dir;

    @Test
    void reportsAreWrittenAndTheTreeIsStillPrinted() throws Exception {
        Path html = dir.resolve("r.html");
        Path svg = dir.resolve("r.svg");
        Path dot = dir.resolve("r.dot");
        CliRun run = CliRun.of("--lab", "--html", html.toString(), "--svg", svg.toString(), "--dot", dot.toString(),
                "www.lame.com");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(Cli.NO_AUTHORITATIVE_ANSWER);
        assertThat(run.out()).startsWith("Tracing to www.lame.com[A]").contains("Findings:");
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy")
                .contains("<dd data-field=\"exit-status\">1 (findings change it only with --fail-on, at or above its "
                        + "level)</dd>")
                .contains("<dd data-field=\"verdict\">no authoritative answer</dd>")
                .contains("<td>LAME_REFUSED</td>")
                .contains("data-server=\"ns1.lame.com\" data-address=\"127.53.2.20\" data-outcome=\"lame\"")
                .contains("<pre>Tracing to www.lame.com[A] via a.root-servers.net");
        assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("data-outcome=\"lame\"");
        assertThat(Files.readString(dot)).startsWith("digraph delegation {").contains("ns1.lame.com\\n127.53.2.20");
    }

    @Test
    void jsonOutputCombinesWithAReport() throws Exception {
        Path dot = dir.resolve("r.dot");
        CliRun run = CliRun.of("--lab", "--json", "--dot", dot.toString(), "www.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("{");
        assertThat(Files.readString(dot)).contains("ns1.example.com\\n::1");
    }

    @Test
    void recordsFromAServerAreTextInThePageNeverMarkup() throws Exception {
        Path lab = GeneratedLab.write(dir.resolve("lab"), 2, 2);
        Path html = dir.resolve("evil.html");
        Path svg = dir.resolve("evil.svg");
        CliRun run = CliRun.of("--lab", lab.toString(), "-q", "TXT", "--html", html.toString(), "--svg",
                svg.toString(), "www.evil.big");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("window.pwned").doesNotContain(GeneratedLab.SCRIPT).doesNotContain("<img");
        // the only script elements are the page's own: the two JSON blocks and the inline script
        assertThat(page.split("<script", -1)).hasSize(4);
        assertThat(page.split("</script", -1)).hasSize(4);
        // the graph holds no record data, but every name and address in it is escaped: it must stay well-formed XML
        assertThat(javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void aReportFileThatCannotBeWrittenIsRefusedBeforeTheTrace() {
        // as --save: no trace is made only to be lost at its end (it failed with status 3 after the whole trace)
        CliRun run = CliRun.of("--lab", "--html", dir.resolve("missing/r.html").toString(), "www.example.com");
        assertThat(run.status()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).isEqualTo("dnstracer: --html " + dir.resolve("missing/r.html") + ": no such directory "
                + dir.resolve("missing") + "\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsNeedASingleTrace() {
        CliRun run = CliRun.of("--bulk", "-", "--svg", dir.resolve("r.svg").toString());
        assertThat(run.status()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("--html, --svg and --dot").hasLineCount(1);
    }
}
