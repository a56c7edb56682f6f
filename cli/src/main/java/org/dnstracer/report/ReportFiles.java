package org.dnstracer.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.findings.Finding;
import org.dnstracer.model.Trace;

/**
 * The report files a run was asked for ({@code --html}, {@code --svg}, {@code --dot}; null for those not asked).
 * The graph is laid out once, and only when the HTML page or the SVG needs coordinates: DOT leaves that to
 * Graphviz.
 */
public record ReportFiles(Path html, Path svg, Path dot) {
    public boolean any() {
        return html != null || svg != null || dot != null;
    }

    /**
     * Writes them.
     *
     * @throws IOException naming the option and the file when one cannot be written
     */
    public void write(Trace trace, List<Finding> findings, DnssecReport dnssec, Instant when, int exitStatus)
            throws IOException {
        List<SectionGraph> graphs = DelegationGraph.of(trace, findings, dnssec);
        if (dot != null) {
            write("--dot", dot, DotWriter.document(graphs));
        }
        if (html == null && svg == null) {
            return;
        }
        List<LaidOutGraph> laidOut = graphs.stream().map(GraphLayout::layout).toList();
        if (svg != null) {
            write("--svg", svg, SvgWriter.document(laidOut));
        }
        if (html != null) {
            write("--html", html, HtmlReport.render(trace, findings, dnssec, laidOut, when, exitStatus));
        }
    }

    private static void write(String option, Path file, String text) throws IOException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String reason = e.getMessage() == null || e.getMessage().equals(file.toString())
                    ? e.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ")
                            .toLowerCase(java.util.Locale.ROOT)
                    : e.getMessage();
            throw new IOException("cannot write " + option + " " + file + ": " + reason, e);
        }
    }
}
