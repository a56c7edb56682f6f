package org.dnstracer.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.dnssec.DnssecStatus;
import org.dnstracer.dnssec.ZoneSummary;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.Severity;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.render.DnssecText;
import org.dnstracer.render.JsonRenderer;
import org.dnstracer.render.TreePrinter;

/**
 * The report page ({@code --html}): one self-contained file, with its style and script inline and a
 * Content-Security-Policy that forbids every request, so that it works offline and nothing a server sent can make
 * it load or run anything. Header (with the findings count and the DNSSEC chain), findings table linked to the
 * graph's nodes and back, the graphs with a legend and a details panel, the classic text tree, and the JSON
 * document for machines.
 */
public final class HtmlReport {
    /** Inline style and script only; images only as data: URLs; nothing fetched, framed or submitted. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private HtmlReport() {}

    /**
     * @param trace the trace
     * @param findings its findings
     * @param dnssec the DNSSEC report with {@code -D}, else null
     * @param graphs the laid-out graphs of its sections
     * @param when when the run started
     * @param exitStatus the run's exit status
     */
    public static String render(Trace trace, List<Finding> findings, DnssecReport dnssec, List<LaidOutGraph> graphs,
            Instant when, int exitStatus) {
        StringBuilder out = new StringBuilder(64 * 1024);
        String title = "dnstracer: " + trace.question().displayName() + " " + trace.question().typeName();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Xml.escape(title)).append("</title>\n<style>\n").append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n");
        header(out, trace, findings, dnssec, when, exitStatus);
        findings(out, findings, graphs);
        graphs(out, graphs);
        tree(out, trace, dnssec);
        out.append("<section id=\"json\"><h2>JSON</h2><p>The whole trace as <code>--json</code> prints it is ")
                .append("embedded in this page: <code>document.getElementById('trace-json').textContent</code>.</p>")
                .append("</section>\n");
        out.append("<script type=\"application/json\" id=\"trace-json\">");
        StringWriter json = new StringWriter();
        JsonRenderer.renderCompact(trace, findings, dnssec, json);
        out.append(scriptSafe(json.toString())).append("</script>\n");
        out.append("<script type=\"application/json\" id=\"node-details\">")
                .append(scriptSafe(NodeDetails.json(graphs.stream().map(LaidOutGraph::graph).toList(), findings)))
                .append("</script>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, Trace trace, List<Finding> findings, DnssecReport dnssec,
            Instant when, int exitStatus) {
        out.append("<header><h1>").append(Xml.escape(trace.question().displayName())).append(' ')
                .append(Xml.escape(trace.question().typeName())).append("</h1>\n<dl class=\"summary\">");
        item(out, "Question", trace.question().displayName() + " " + trace.question().typeName());
        String start = trace.start().label()
                + (trace.start().address() == null ? "" : " (" + IpAddresses.format(trace.start().address()) + ")");
        item(out, "Start server", start);
        item(out, "When", WHEN.format(when.atOffset(ZoneOffset.UTC)));
        item(out, "How long", trace.stats().elapsedMillis() + " ms");
        item(out, "Queries", Integer.toString(trace.stats().queries()));
        item(out, "Verdict", trace.anyAuthoritative() ? "authoritative answer" : "no authoritative answer");
        findingsCount(out, findings);
        if (dnssec != null) {
            chains(out, trace, dnssec);
        }
        // 0 and 1 say nothing about findings: say so, lest "0" read as "nothing wrong" above a red error
        item(out, "Exit status", exitStatus + (!findings.isEmpty() && exitStatus <= 1
                ? " (findings change it only with --fail-on, at or above its level)" : ""));
        out.append("</dl>\n");
        for (String w : trace.warnings()) {
            out.append("<p class=\"warning\">Warning: ").append(Xml.escape(w)).append("</p>\n");
        }
        out.append("</header>\n");
    }

    /** {@code 1 error, 2 warnings} (each a link to the table, coloured and worded by severity), or {@code none}. */
    private static void findingsCount(StringBuilder out, List<Finding> findings) {
        out.append("<dt>Findings</dt><dd data-field=\"findings\">");
        if (findings.isEmpty()) {
            out.append("none</dd>");
            return;
        }
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        boolean firstCount = true;
        for (Map.Entry<Severity, Long> e : counts.entrySet()) {
            String word = e.getKey().label() + (e.getValue() == 1 ? "" : "s");
            out.append(firstCount ? "" : ", ").append("<a class=\"count ").append(e.getKey().label())
                    .append("\" href=\"#findings\">").append(e.getValue()).append(' ').append(word).append("</a>");
            firstCount = false;
        }
        out.append("</dd>");
    }

    /** The DNSSEC chain of each section, as {@code -D} prints it, marked with its worst status. */
    private static void chains(StringBuilder out, Trace trace, DnssecReport dnssec) {
        for (int i = 0; i < trace.sections().size() && i < dnssec.chains().size(); i++) {
            List<ZoneSummary> chain = dnssec.chains().get(i);
            String term = i == 0 ? "DNSSEC chain"
                    : "DNSSEC chain of " + trace.sections().get(i).question().displayName();
            DnssecStatus worst = chain.stream().map(ZoneSummary::status)
                    .max(Comparator.comparingInt(NodeMarks::badness)).orElse(null);
            out.append("<dt>").append(Xml.escape(term)).append("</dt><dd data-field=\"dnssec-chain\"");
            if (worst != null) {
                out.append(" class=\"dnssec-").append(worst.word()).append('"');
            }
            out.append('>').append(Xml.escape(chain.isEmpty() ? "no zone checked" : DnssecReport.chainText(chain)))
                    .append("</dd>");
        }
    }

    private static void item(StringBuilder out, String term, String value) {
        out.append("<dt>").append(term).append("</dt><dd data-field=\"")
                .append(term.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')).append("\">")
                .append(Xml.escape(value)).append("</dd>");
    }

    /** The findings table; each row has an id and links to the graph nodes of the server it names. */
    private static void findings(StringBuilder out, List<Finding> findings, List<LaidOutGraph> graphs) {
        out.append("<section id=\"findings\"><h2>Findings</h2>\n");
        if (findings.isEmpty()) {
            out.append("<p>None.</p></section>\n");
            return;
        }
        Map<Integer, List<GraphNode>> nodes = new HashMap<>();
        for (LaidOutGraph g : graphs) {
            for (GraphNode n : g.graph().nodes()) {
                n.marks().findings().forEach(i -> nodes.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
            }
        }
        out.append("<table><thead><tr><th>Severity</th><th>Code</th><th>Zone</th><th>Server</th><th>Address</th>")
                .append("<th>Message</th><th>Evidence</th><th>In the graph</th></tr></thead><tbody>\n");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.append("<tr id=\"finding-").append(i).append("\" class=\"").append(f.severity().label())
                    .append("\"><td>").append(f.severity().label())
                    .append("</td><td>").append(f.code().name()).append("</td><td>")
                    .append(Xml.escape(f.zone() == null ? "" : f.zone().toString())).append("</td><td>")
                    .append(Xml.escape(f.server())).append("</td><td>")
                    .append(f.address() == null ? "" : Xml.escape(IpAddresses.format(f.address())))
                    .append("</td><td>").append(Xml.escape(f.message())).append("</td><td>")
                    .append(Xml.escape(String.join("; ", f.evidence()))).append("</td><td>");
            List<GraphNode> named = nodes.getOrDefault(i, List.of());
            for (int j = 0; j < named.size(); j++) {
                GraphNode n = named.get(j);
                out.append(j == 0 ? "" : "<br>").append("<a class=\"node-link\" href=\"#").append(n.id())
                        .append("\" data-node=\"").append(n.id()).append("\">")
                        .append(Xml.escape(n.server() + " " + NodeLabel.second(n))).append("</a>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table></section>\n");
    }

    private static void graphs(StringBuilder out, List<LaidOutGraph> graphs) {
        out.append("<section id=\"graph\"><h2>Delegation graph</h2>\n<ul class=\"legend\">");
        for (Outcome o : Outcome.values()) {
            NodeBox box = new NodeBox(1, 1, 34, 18);
            out.append("<li data-outcome=\"").append(o.id()).append("\"><svg width=\"36\" height=\"20\">")
                    .append("<path d=\"").append(SvgWriter.shape(o.shape(), box)).append("\" fill=\"").append(o.fill())
                    .append("\" stroke=\"").append(o.stroke()).append("\" stroke-width=\"1.6\"")
                    .append(o.dashed() ? " stroke-dasharray=\"5 3\"" : "").append("/></svg>").append(o.label())
                    .append("</li>");
        }
        out.append("<li><svg width=\"36\" height=\"20\"><path d=\"M2,10 L34,10\" stroke=\"#b0bec5\" ")
                .append("stroke-dasharray=\"4 3\"/></svg>repeated (cached) reference</li></ul>\n");
        badgeLegend(out);
        out.append("<p class=\"hint\">Click or hover a server to see its tries and the records it sent.</p>\n");
        out.append("<div id=\"layout\"><div id=\"graphs\">\n");
        for (int i = 0; i < graphs.size(); i++) {
            SectionGraph g = graphs.get(i).graph();
            out.append("<div class=\"section\" id=\"section-").append(g.index()).append("\"><h3>");
            if (g.section().cnameOf() != null) {
                out.append(Xml.escape(g.section().question().displayName())).append(' ')
                        .append(Xml.escape(g.section().question().typeName()))
                        .append(" <span class=\"cname\">CNAME target of <a href=\"#section-").append(i - 1)
                        .append("\">").append(Xml.escape(g.section().cnameOf().toString(true))).append("</a></span>");
            } else {
                out.append(Xml.escape(g.title()));
            }
            if (i + 1 < graphs.size()) {
                SectionGraph next = graphs.get(i + 1).graph();
                out.append(" <span class=\"cname\">alias of <a href=\"#section-").append(next.index()).append("\">")
                        .append(Xml.escape(next.section().question().displayName())).append("</a></span>");
            }
            out.append("</h3>\n<div class=\"graph-wrap\">").append(SvgWriter.element(graphs.get(i)))
                    .append("</div></div>\n");
        }
        out.append("</div>\n<aside id=\"details\" aria-live=\"polite\"><p class=\"hint\">No server selected.</p>")
                .append("</aside></div></section>\n");
    }

    /**
     * The badges a node may carry: its worst finding's severity, its DNSSEC status, "given by --ns" for a server zone
     * mode's user named; a ring marks trouble.
     */
    private static void badgeLegend(StringBuilder out) {
        out.append("<ul class=\"legend badges\"><li>Worst finding:</li>");
        for (Severity s : Severity.values()) {
            legendBadge(out, "data-severity", s.label(), "severity " + s.label(), s.label(), Badges.fill(s), "#ffffff");
        }
        out.append("<li>DNSSEC (with -D):</li>");
        for (DnssecStatus s : DnssecStatus.values()) {
            legendBadge(out, "data-dnssec", s.word(), "dnssec " + s.word(), "DNSSEC " + s.word(), Badges.fill(s),
                    Badges.text(s));
        }
        out.append("<li>Zone mode:</li>");
        legendBadge(out, "data-given", "ns", "given", NodeMarks.GIVEN, Badges.GIVEN_FILL, Badges.GIVEN_INK);
        NodeBox box = new NodeBox(4, 4, 28, 12);
        NodeBox around = new NodeBox(1, 1, 34, 18);
        out.append("<li><svg width=\"36\" height=\"20\"><path d=\"").append(SvgWriter.shape(Outcome.Shape.BOX, around))
                .append("\" fill=\"none\" stroke=\"").append(Badges.fill(Severity.ERROR))
                .append("\" stroke-width=\"2\"/><path d=\"").append(SvgWriter.shape(Outcome.Shape.BOX, box))
                .append("\" fill=\"#ffffff\" stroke=\"#616161\"/></svg>ring: an error, a warning or bogus DNSSEC")
                .append("</li></ul>\n");
    }

    private static void legendBadge(StringBuilder out, String attribute, String value, String cls, String text,
            String fill, String ink) {
        StringBuilder svg = new StringBuilder();
        double right = Badges.badge(svg, cls, text, fill, ink, 1, 2);
        out.append("<li ").append(attribute).append("=\"").append(value).append("\"><svg width=\"")
                .append(SvgWriter.num(right + 1)).append("\" height=\"19\" font-family=\"monospace\">").append(svg)
                .append("</svg></li>");
    }

    private static void tree(StringBuilder out, Trace trace, DnssecReport dnssec) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        Function<TraceNode, String> suffix = dnssec == null ? n -> "" : n -> DnssecText.suffix(dnssec, n);
        TreePrinter.render(trace, false, w, suffix);
        w.flush();
        out.append("<section id=\"tree\"><h2>Text tree</h2><pre>").append(Xml.escape(text.toString()))
                .append("</pre></section>\n");
    }

    /** JSON inside a script element: no "&lt;/script" or "&lt;!--" can end or bend it ('&lt;' is escaped). */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
