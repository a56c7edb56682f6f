package org.dnstracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnstracer.cli.Cli;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.dnssec.DnssecStatus;
import org.dnstracer.dnssec.NodeDnssec;
import org.dnstracer.dnssec.TrustAnchors;
import org.dnstracer.dnssec.ZoneSummary;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.FindingCode;
import org.dnstracer.findings.Severity;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the page says about faults, read from its markup: each node's worst finding and DNSSEC status (class, data
 * attribute and badge text, so it reads without colour), the links between findings and nodes, and the header's
 * findings count and DNSSEC chain.
 */
class HtmlReportTest {
    private final Trace trace = TestTraces.lameExample(Status.AUTHORITATIVE_NXDOMAIN);
    private final TraceNode gtld = trace.sections().get(0).root().children().get(0);
    private final TraceNode ns1 = gtld.children().get(0);
    private final TraceNode ns2 = gtld.children().get(1);

    /** ns2 (127.53.2.2): an error and a notice; ns3 (127.53.2.3): a warning; one finding about the whole zone. */
    private final List<Finding> findings = List.of(
            finding(Severity.NOTICE, FindingCode.SAME_PREFIX, "ns2.example.com", TestTraces.ip(127, 53, 2, 2)),
            finding(Severity.ERROR, FindingCode.LAME_REFUSED, "ns2.example.com", TestTraces.ip(127, 53, 2, 2)),
            finding(Severity.WARNING, FindingCode.UNRESPONSIVE_UDP, "ns3.example.com", TestTraces.ip(127, 53, 2, 3)),
            finding(Severity.WARNING, FindingCode.SINGLE_NAME_SERVER, null, null));

    private static Finding finding(Severity severity, FindingCode code, String server, java.net.InetAddress address) {
        return new Finding(severity, code, TestTraces.name("example.com."), server, address, code.name() + " here",
                List.of());
    }

    @TempDir
    Path dir;

    /** The page as {@code --html} writes it. */
    private String page(DnssecReport dnssec, int exitStatus) {
        Path html = dir.resolve("report.html");
        try {
            new ReportFiles(html, null, null).write(trace, findings, dnssec, Instant.EPOCH, exitStatus);
            return Files.readString(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String node(String page, String server) {
        Matcher m = Pattern.compile("<g class=\"node[^\"]*\"[^>]*data-server=\"" + Pattern.quote(server)
                + "\".*?</g>\n", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("node of %s", server).isTrue();
        return m.group();
    }

    @Test
    void aNodeShowsItsWorstFindingsSeverityAsClassAndBadgeText() {
        String page = page(null, Cli.OK);
        String ns2Node = node(page, "ns2.example.com");
        assertThat(ns2Node).contains("data-severity=\"error\"").contains(" severity-error")
                .contains(">error</text>");
        assertThat(node(page, "ns3.example.com")).contains("data-severity=\"warning\"").contains(">warning</text>");
        assertThat(node(page, "ns1.example.com")).doesNotContain("data-severity").doesNotContain("badge");
    }

    @Test
    void aNodeShowsItsDnssecStatusAsClassAndBadgeText() {
        Map<TraceNode, NodeDnssec> verdicts = new IdentityHashMap<>();
        verdicts.put(ns1, new NodeDnssec(TestTraces.name("example.com."), DnssecStatus.SECURE, null, List.of()));
        verdicts.put(ns2, new NodeDnssec(TestTraces.name("example.com."), DnssecStatus.BOGUS,
                "RRSIG example.com DNSKEY expired 2026-12-01", List.of()));
        DnssecReport dnssec = new DnssecReport(Instant.EPOCH, TrustAnchors.none("test"), verdicts,
                List.of(List.of(new ZoneSummary(TestTraces.name("example.com."), DnssecStatus.BOGUS,
                        "RRSIG example.com DNSKEY expired 2026-12-01", List.of(), 2))), List.of(), 0);
        String page = page(dnssec, Cli.OK);
        assertThat(node(page, "ns2.example.com")).contains("data-dnssec=\"bogus\"").contains(" dnssec-bogus")
                .contains(">DNSSEC bogus</text>").contains("DNSSEC bogus: RRSIG example.com DNSKEY expired 2026-12-01");
        assertThat(node(page, "ns1.example.com")).contains("data-dnssec=\"secure\"").contains(">DNSSEC secure</text>");
        assertThat(node(page, "a.root-servers.net")).doesNotContain("data-dnssec");
        assertThat(page).contains("<dt>DNSSEC chain</dt><dd data-field=\"dnssec-chain\" class=\"dnssec-bogus\">"
                + "example.com bogus: RRSIG example.com DNSKEY expired 2026-12-01</dd>");
    }

    @Test
    void theHeaderCountsFindingsBySeverityNextToTheVerdict() {
        String page = page(null, Cli.OK);
        Matcher header = Pattern.compile("<header>.*</header>", Pattern.DOTALL).matcher(page);
        assertThat(header.find()).isTrue();
        assertThat(header.group().replaceAll("<[^>]+>", ""))
                .contains("Verdictauthoritative answer")
                .contains("Findings1 error, 2 warnings, 1 notice")
                .contains("Exit status0 (findings change it only with --fail-on, at or above its level)");
    }

    @Test
    void findingsLinkToTheirNodesAndNodesListTheirFindings() {
        String page = page(null, Cli.OK);
        String ns2Id = idOf(node(page, "ns2.example.com"));
        Matcher row = Pattern.compile("<tr id=\"finding-1\"[^>]*>.*?</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).isTrue();
        assertThat(row.group()).contains("LAME_REFUSED").contains("href=\"#" + ns2Id + "\"");
        Matcher zoneRow = Pattern.compile("<tr id=\"finding-3\"[^>]*>.*?</tr>", Pattern.DOTALL).matcher(page);
        assertThat(zoneRow.find()).isTrue();
        assertThat(zoneRow.group()).doesNotContain("href=\"#s");
        assertThat(node(page, "ns2.example.com")).contains("data-findings=\"0 1\"");
        Matcher details = Pattern.compile("<script type=\"application/json\" id=\"node-details\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertThat(details.find()).isTrue();
        assertThat(details.group(1)).contains("\"" + ns2Id + "\":{").containsPattern("\"findings\":\\[\\{\"index\":0,"
                + "\"severity\":\"notice\",\"code\":\"SAME_PREFIX\"");
    }

    private static String idOf(String node) {
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(node);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
