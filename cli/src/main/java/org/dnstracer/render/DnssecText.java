package org.dnstracer.render;

import java.io.PrintWriter;
import java.util.List;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.dnssec.NodeDnssec;
import org.dnstracer.dnssec.ZoneSummary;
import org.dnstracer.model.Section;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;

/** The text of {@code -D}: a status after each checked server line, then a chain per section and the problems. */
public final class DnssecText {
    private DnssecText() {}

    /** {@code [DNSSEC secure] } or {@code [DNSSEC bogus: ...] } for a checked node, else nothing. */
    public static String suffix(DnssecReport report, TraceNode node) {
        NodeDnssec v = report.of(node);
        return v == null ? "" : "[DNSSEC " + v.text() + "] ";
    }

    /** One chain line per section; the problems are findings (see {@link org.dnstracer.findings.Findings}). */
    public static void render(Trace trace, DnssecReport report, PrintWriter out) {
        for (int i = 0; i < trace.sections().size(); i++) {
            Section s = trace.sections().get(i);
            List<ZoneSummary> chain = report.chains().get(i);
            out.println("DNSSEC chain of " + s.question().displayName() + " " + s.question().typeName() + ": "
                    + (chain.isEmpty() ? "no zone checked" : DnssecReport.chainText(chain)));
        }
        out.flush();
    }
}
