package org.dnstracer.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /** The label of each zone band, by depth from the root down: its zones in tree order, long lists shortened. */
    public Map<Integer, String> bandLabels() {
        Map<Integer, Set<String>> zones = new TreeMap<>();
        for (GraphNode n : nodes) {
            zones.computeIfAbsent(n.depth(), d -> new LinkedHashSet<>()).add(n.zone() == null ? "start" : n.zone());
        }
        Map<Integer, String> labels = new TreeMap<>();
        zones.forEach((depth, names) -> labels.put(depth, label(names)));
        return labels;
    }

    private static String label(Set<String> zones) {
        List<String> list = new ArrayList<>(zones);
        if (list.size() <= 3) {
            return String.join(", ", list);
        }
        return String.join(", ", list.subList(0, 2)) + " and " + (list.size() - 2) + " more";
    }
}
