package org.dnstracer.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same graphs in Graphviz's language ({@code --dot}): a cluster per section, and in it a cluster per zone band
 * ranked from the root down; outcomes as fill colour and shape, references as dashed grey edges; a node's worst
 * finding and DNSSEC status as a third label line ({@code [error] [DNSSEC bogus]}), and a thick border in the ring's
 * colour when it needs attention.
 */
public final class DotWriter {
    private DotWriter() {}

    public static String document(List<SectionGraph> graphs) {
        StringBuilder out = new StringBuilder("digraph delegation {\n  rankdir=TB;\n  newrank=true;\n")
                .append("  node [fontname=\"monospace\", fontsize=10, style=filled];\n")
                .append("  edge [color=\"#546e7a\"];\n");
        for (SectionGraph g : graphs) {
            out.append("  subgraph cluster_s").append(g.index()).append(" {\n    label=").append(quote(g.title()))
                    .append(";\n    fontname=\"sans-serif\";\n");
            Map<Integer, StringBuilder> bands = new LinkedHashMap<>();
            Map<Integer, String> bandZones = g.bandLabels();
            for (GraphNode n : g.nodes()) {
                node(bands.computeIfAbsent(n.depth(), d -> new StringBuilder()), n);
            }
            bands.forEach((depth, nodes) -> out.append("    subgraph cluster_s").append(g.index()).append("_d")
                    .append(depth).append(" {\n      label=").append(quote(bandZones.get(depth)))
                    .append(";\n      style=filled;\n      color=\"#eef2f6\";\n").append(nodes).append("    }\n"));
            for (GraphEdge e : g.edges()) {
                out.append("    ").append(e.from()).append(" -> ").append(e.to());
                if (e.reference()) {
                    out.append(" [style=dashed, color=\"#b0bec5\"]");
                }
                out.append(";\n");
            }
            out.append("  }\n");
        }
        return out.append("}\n").toString();
    }

    private static void node(StringBuilder out, GraphNode n) {
        Outcome o = n.outcome();
        NodeMarks m = n.marks();
        String badges = m.any() ? "\n[" + String.join("] [", m.badges()) + "]" : "";
        String ring = Badges.ring(m);
        out.append("      ").append(n.id()).append(" [label=")
                .append(quote(NodeLabel.first(n) + "\n" + NodeLabel.second(n) + badges)).append(", shape=")
                .append(shape(o.shape())).append(", style=\"filled")
                .append(o.shape() == Outcome.Shape.PILL ? ",rounded" : "")
                .append(o.dashed() ? ",dashed" : "").append("\", fillcolor=\"").append(o.fill()).append("\", color=\"")
                .append(ring == null ? o.stroke() : ring).append('"').append(ring == null ? "" : ", penwidth=3")
                .append(", tooltip=").append(quote(o.label() + (m.dnssecText() == null ? "" : "; DNSSEC "
                        + m.dnssecText()))).append("];\n");
    }

    private static String shape(Outcome.Shape s) {
        return switch (s) {
            case PILL, BOX -> "box";
            case HEXAGON -> "hexagon";
            case PARALLELOGRAM -> "parallelogram";
            case OCTAGON -> "octagon";
            case NOTE -> "note";
        };
    }

    /** A DOT string: quotes and backslashes escaped, line breaks as {@code \n}; other control characters dropped. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c >= 0x20) {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
