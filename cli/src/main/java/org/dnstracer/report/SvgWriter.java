package org.dnstracer.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws laid-out graphs as SVG: zone bands, edges (references dashed and lighter), and one group per node with
 * its outcome's colour and shape, its badges (worst finding, DNSSEC status; a ring when it needs attention) and
 * data attributes ({@code data-server}, {@code data-address}, {@code data-outcome}, {@code data-severity},
 * {@code data-dnssec}, {@code data-findings}) for scripts and tests.
 */
public final class SvgWriter {
    static final double TITLE_HEIGHT = 28;
    private static final double BAND_LINE_HEIGHT = 15;

    private SvgWriter() {}

    /** A standalone SVG document ({@code --svg}): every section's graph, one below the other, each with its title. */
    public static String document(List<LaidOutGraph> graphs) {
        double width = 0;
        double height = 0;
        for (LaidOutGraph g : graphs) {
            width = Math.max(width, g.width());
            height += TITLE_HEIGHT + g.height();
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        open(out, width, height);
        double y = 0;
        for (LaidOutGraph g : graphs) {
            out.append("<text class=\"section-title\" x=\"8\" y=\"").append(num(y + 19))
                    .append("\" font-family=\"sans-serif\" font-size=\"15\" font-weight=\"bold\">")
                    .append(Xml.escape(g.graph().title())).append("</text>\n");
            out.append("<g transform=\"translate(0,").append(num(y + TITLE_HEIGHT)).append(")\">\n");
            body(out, g);
            out.append("</g>\n");
            y += TITLE_HEIGHT + g.height();
        }
        return out.append("</svg>\n").toString();
    }

    /** One section's graph as an inline {@code <svg>} element (for the HTML page). */
    public static String element(LaidOutGraph g) {
        StringBuilder out = new StringBuilder();
        open(out, g.width(), g.height());
        body(out, g);
        return out.append("</svg>\n").toString();
    }

    private static void open(StringBuilder out, double width, double height) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"monospace\" font-size=\"12\">\n");
    }

    private static void body(StringBuilder out, LaidOutGraph g) {
        String marker = "arrow-" + g.graph().index();
        out.append("<defs><marker id=\"").append(marker).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#546e7a\"/></marker></defs>\n");
        int i = 0;
        for (Band b : g.bands()) {
            out.append("<g class=\"band\" data-depth=\"").append(b.depth()).append("\"><rect x=\"0\" y=\"")
                    .append(num(b.top())).append("\" width=\"").append(num(g.width())).append("\" height=\"")
                    .append(num(b.bottom() - b.top())).append("\" fill=\"").append(i++ % 2 == 0 ? "#f5f7fa" : "#e9eef4")
                    .append("\"/>");
            bandLabel(out, b);
            out.append("</g>\n");
        }
        List<GraphEdge> edges = g.graph().edges();
        for (int e = 0; e < edges.size(); e++) {
            edge(out, edges.get(e), g.routes().get(e), marker);
        }
        for (GraphNode n : g.graph().nodes()) {
            node(out, n, g.boxes().get(n.id()));
        }
    }

    /** Every zone of the band whole, one per line, the lines centred on the band. */
    private static void bandLabel(StringBuilder out, Band b) {
        List<String> lines = BandLabel.lines(b.label());
        double first = (b.top() + b.bottom()) / 2 + 4 - (lines.size() - 1) * BAND_LINE_HEIGHT / 2;
        out.append("<text class=\"band-label\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#37474f\">");
        for (int i = 0; i < lines.size(); i++) {
            out.append("<tspan x=\"8\" y=\"").append(num(first + i * BAND_LINE_HEIGHT)).append("\">")
                    .append(Xml.escape(lines.get(i))).append("</tspan>");
        }
        out.append("<title>").append(Xml.escape(b.label())).append("</title></text>");
    }

    private static void edge(StringBuilder out, GraphEdge edge, double[] p, String marker) {
        if (p.length < 4) {
            return;
        }
        out.append("<path class=\"edge").append(edge.reference() ? " reference" : "").append("\" data-from=\"")
                .append(edge.from()).append("\" data-to=\"").append(edge.to()).append("\" d=\"M");
        for (int i = 0; i < p.length; i += 2) {
            out.append(i == 0 ? "" : " L").append(num(p[i])).append(',').append(num(p[i + 1]));
        }
        out.append("\" fill=\"none\" stroke=\"").append(edge.reference() ? "#b0bec5" : "#546e7a")
                .append("\" stroke-width=\"").append(edge.reference() ? "1" : "1.4").append('"');
        if (edge.reference()) {
            out.append(" stroke-dasharray=\"4 3\"");
        }
        out.append(" marker-end=\"url(#").append(marker).append(")\"/>\n");
    }

    private static void node(StringBuilder out, GraphNode n, NodeBox b) {
        Outcome o = n.outcome();
        NodeMarks m = n.marks();
        out.append("<g class=\"node ").append(o.id());
        if (m.worst() != null) {
            out.append(" severity-").append(m.worst().label());
        }
        if (m.dnssec() != null) {
            out.append(" dnssec-").append(m.dnssec().word());
        }
        if (m.given()) {
            out.append(" given");
        }
        out.append("\" id=\"").append(n.id()).append("\" data-server=\"")
                .append(Xml.escape(n.server())).append("\" data-address=\"").append(Xml.escape(n.address()))
                .append("\" data-outcome=\"").append(o.id()).append("\" data-zone=\"").append(Xml.escape(n.zone()))
                .append('"');
        if (m.worst() != null) {
            out.append(" data-severity=\"").append(m.worst().label()).append('"');
        }
        if (m.dnssec() != null) {
            out.append(" data-dnssec=\"").append(m.dnssec().word()).append('"');
        }
        if (m.given()) {
            out.append(" data-given=\"ns\"");
        }
        if (!m.findings().isEmpty()) {
            out.append(" data-findings=\"");
            for (int i = 0; i < m.findings().size(); i++) {
                out.append(i == 0 ? "" : " ").append(m.findings().get(i));
            }
            out.append('"');
        }
        out.append(" tabindex=\"0\"><title>").append(Xml.escape(n.server())).append(' ')
                .append(Xml.escape(NodeLabel.second(n))).append(": ").append(o.label());
        if (m.worst() != null) {
            out.append("; ").append(m.findings().size()).append(m.findings().size() == 1 ? " finding" : " findings")
                    .append(", the worst ").append(m.worst().label());
        }
        if (m.dnssec() != null) {
            out.append("; DNSSEC ").append(Xml.escape(m.dnssecText()));
        }
        if (m.given()) {
            out.append("; ").append(Xml.escape(NodeMarks.GIVEN));
        }
        out.append("</title>");
        String ring = Badges.ring(m);
        if (ring != null) {
            NodeBox around = new NodeBox(b.x() - 3, b.y() - 3, b.width() + 6, b.height() + 6);
            out.append("<path class=\"ring\" d=\"").append(shape(o.shape(), around))
                    .append("\" fill=\"none\" stroke=\"").append(ring).append("\" stroke-width=\"3\"/>");
        }
        out.append("<path class=\"shape\" d=\"").append(shape(o.shape(), b)).append("\" fill=\"").append(o.fill())
                .append("\" stroke=\"").append(o.stroke()).append("\" stroke-width=\"1.6\"");
        if (o.dashed()) {
            out.append(" stroke-dasharray=\"5 3\"");
        }
        out.append("/>");
        double cx = b.x() + b.width() / 2;
        out.append("<text x=\"").append(num(cx)).append("\" y=\"").append(num(b.y() + NodeLabel.PADDING / 2 + 12))
                .append("\" text-anchor=\"middle\">").append(Xml.escape(NodeLabel.first(n))).append("</text>");
        out.append("<text x=\"").append(num(cx)).append("\" y=\"")
                .append(num(b.y() + NodeLabel.PADDING / 2 + 12 + NodeLabel.LINE_HEIGHT))
                .append("\" text-anchor=\"middle\" fill=\"#455a64\">").append(Xml.escape(NodeLabel.second(n)))
                .append("</text>");
        if (m.any()) {
            Badges.draw(out, m, cx, b.y() + NodeLabel.PADDING / 2 + 2 * NodeLabel.LINE_HEIGHT + 5);
        }
        out.append("</g>\n");
    }

    /** The outline of a node's box, as path data. */
    static String shape(Outcome.Shape shape, NodeBox b) {
        double x = b.x();
        double y = b.y();
        double w = b.width();
        double h = b.height();
        double c = Math.min(10, h / 3);
        return switch (shape) {
            case BOX -> path(x, y, x + w, y, x + w, y + h, x, y + h);
            case PILL -> {
                double r = h / 2;
                yield "M" + num(x + r) + "," + num(y) + " L" + num(x + w - r) + "," + num(y) + " A" + num(r) + ","
                        + num(r) + " 0 0 1 " + num(x + w - r) + "," + num(y + h) + " L" + num(x + r) + ","
                        + num(y + h) + " A" + num(r) + "," + num(r) + " 0 0 1 " + num(x + r) + "," + num(y) + " Z";
            }
            case HEXAGON -> path(x + c, y, x + w - c, y, x + w, y + h / 2, x + w - c, y + h, x + c, y + h, x,
                    y + h / 2);
            case PARALLELOGRAM -> path(x + c, y, x + w, y, x + w - c, y + h, x, y + h);
            case OCTAGON -> path(x + c, y, x + w - c, y, x + w, y + c, x + w, y + h - c, x + w - c, y + h, x + c,
                    y + h, x, y + h - c, x, y + c);
            case NOTE -> path(x, y, x + w - c, y, x + w, y + c, x + w, y + h, x, y + h);
        };
    }

    private static String path(double... p) {
        StringBuilder out = new StringBuilder("M");
        for (int i = 0; i < p.length; i += 2) {
            out.append(i == 0 ? "" : " L").append(num(p[i])).append(',').append(num(p[i + 1]));
        }
        return out.append(" Z").toString();
    }

    static String num(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : String.format(Locale.ROOT, "%.1f", r / 10.0);
    }
}
