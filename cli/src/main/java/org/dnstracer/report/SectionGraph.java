package org.dnstracer.report;

import java.util.List;
import org.dnstracer.model.Section;

/**
 * The delegation graph of one section of the trace.
 *
 * @param index the section's position (0: the user's question; then the CNAME targets)
 * @param section the traced section
 * @param nodes one per server address, in tree order
 * @param edges one per referring and named address pair
 */
public record SectionGraph(int index, Section section, List<GraphNode> nodes, List<GraphEdge> edges) {
    public SectionGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** {@code www.example.com A}, with the alias that led here for a CNAME section. */
    public String title() {
        String q = section.question().displayName() + " " + section.question().typeName();
        return section.cnameOf() == null ? q : q + " (CNAME target of " + section.cnameOf().toString(true) + ")";
    }
}
