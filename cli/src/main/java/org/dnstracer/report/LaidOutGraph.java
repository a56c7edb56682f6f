package org.dnstracer.report;

import java.util.List;
import java.util.Map;

/**
 * A section's graph with coordinates.
 *
 * @param graph what was laid out
 * @param boxes each node's box, by node id
 * @param routes each edge's points (start, bends, end), in the order of {@link SectionGraph#edges()}
 * @param bands the zone bands, from the root down
 * @param width the drawing's width
 * @param height the drawing's height
 */
public record LaidOutGraph(SectionGraph graph, Map<String, NodeBox> boxes, List<double[]> routes, List<Band> bands,
        double width, double height) {
    public LaidOutGraph {
        boxes = Map.copyOf(boxes);
        routes = List.copyOf(routes);
        bands = List.copyOf(bands);
    }
}
