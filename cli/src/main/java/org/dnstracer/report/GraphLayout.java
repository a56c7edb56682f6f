package org.dnstracer.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a section's graph out with ELK's layered algorithm, top down. Each zone depth is a partition of its own, so
 * the servers of the root, the TLDs, ... each sit in their band, in that order; the bands are the rows of nodes
 * with their margins. Only this class touches ELK, so the library is loaded only when a graph is asked for.
 */
public final class GraphLayout {
    /** The least room to the left of the nodes for the band labels. */
    static final double BAND_LABEL_WIDTH = 180;
    /** A generous width of one character of the band labels (13 px sans-serif), so that no label is cut. */
    static final double BAND_CHAR_WIDTH = 7.6;
    private static final double MARGIN = 16;

    private static volatile boolean registered;

    private GraphLayout() {}

    public static LaidOutGraph layout(SectionGraph graph) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.PARTITIONING_ACTIVATE, true);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 46.0);
        // the servers of a band stay in the order the trace met them (referral order), even at the price of a crossing
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_FORCE_NODE_MODEL_ORDER, true);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN, MARGIN, MARGIN, MARGIN + labelWidth(graph)));
        Map<String, ElkNode> elkNodes = new HashMap<>();
        for (GraphNode n : graph.nodes()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setIdentifier(n.id());
            e.setDimensions(NodeLabel.width(n), NodeLabel.height(n));
            e.setProperty(LayeredOptions.PARTITIONING_PARTITION, n.depth());
            elkNodes.put(n.id(), e);
        }
        List<ElkEdge> elkEdges = new ArrayList<>();
        for (GraphEdge edge : graph.edges()) {
            elkEdges.add(ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.from()), elkNodes.get(edge.to())));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, NodeBox> boxes = new HashMap<>();
        for (GraphNode n : graph.nodes()) {
            ElkNode e = elkNodes.get(n.id());
            boxes.put(n.id(), new NodeBox(e.getX(), e.getY(), e.getWidth(), e.getHeight()));
        }
        List<double[]> routes = new ArrayList<>();
        for (ElkEdge e : elkEdges) {
            routes.add(points(e));
        }
        return new LaidOutGraph(graph, boxes, routes, bands(graph, boxes), root.getWidth(), root.getHeight());
    }

    /** Room for the widest line of any band label (each zone on a line of its own, see {@link BandLabel}). */
    static double labelWidth(SectionGraph graph) {
        int widest = 0;
        for (String label : graph.bandLabels().values()) {
            for (String line : BandLabel.lines(label)) {
                widest = Math.max(widest, line.length());
            }
        }
        return Math.max(BAND_LABEL_WIDTH, widest * BAND_CHAR_WIDTH + 8);
    }

    /** ELK's algorithms register their options through a service file a shaded jar may not merge: say it here. */
    private static void register() {
        if (!registered) {
            synchronized (GraphLayout.class) {
                if (!registered) {
                    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
                    registered = true;
                }
            }
        }
    }

    private static double[] points(ElkEdge e) {
        if (e.getSections().isEmpty()) {
            return new double[0];
        }
        ElkEdgeSection s = e.getSections().get(0);
        double[] p = new double[4 + 2 * s.getBendPoints().size()];
        int i = 0;
        p[i++] = s.getStartX();
        p[i++] = s.getStartY();
        for (ElkBendPoint b : s.getBendPoints()) {
            p[i++] = b.getX();
            p[i++] = b.getY();
        }
        p[i++] = s.getEndX();
        p[i] = s.getEndY();
        return p;
    }

    /** One band per zone depth: from the top of its highest node to the bottom of its lowest, plus a margin. */
    private static List<Band> bands(SectionGraph graph, Map<String, NodeBox> boxes) {
        Map<Integer, double[]> extent = new TreeMap<>();
        for (GraphNode n : graph.nodes()) {
            NodeBox b = boxes.get(n.id());
            extent.merge(n.depth(), new double[] {b.y(), b.y() + b.height()},
                    (a, c) -> new double[] {Math.min(a[0], c[0]), Math.max(a[1], c[1])});
        }
        Map<Integer, String> labels = graph.bandLabels();
        List<Band> bands = new ArrayList<>();
        extent.forEach((depth, e) -> bands.add(
                new Band(depth, labels.get(depth), e[0] - MARGIN / 2, e[1] + MARGIN / 2)));
        return bands;
    }
}
