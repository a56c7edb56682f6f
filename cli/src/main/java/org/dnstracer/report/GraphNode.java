package org.dnstracer.report;

import java.util.List;
import org.dnstracer.model.TraceNode;

/**
 * One server address of a section's tree: every line of the tree that names it is one of its visits.
 *
 * @param id unique in the whole report ({@code s0n3})
 * @param server the name server's name as in the tree
 * @param address the address as printed, or null for a name without one
 * @param zone the zone of its first visit (its band), "." for the root, or null for an ordinary start server
 * @param depth the band: the number of labels of {@code zone} (0 for the root and for an ordinary start)
 * @param outcome what its first visit that asked it found (cached when every visit was a reference)
 * @param visits its tree lines, in tree order
 * @param marks its worst finding and DNSSEC status
 */
public record GraphNode(String id, String server, String address, String zone, int depth, Outcome outcome,
        List<TraceNode> visits, NodeMarks marks) {
    public GraphNode {
        visits = List.copyOf(visits);
        marks = marks == null ? NodeMarks.NONE : marks;
    }

    /** A node with no findings and no DNSSEC verdict. */
    public GraphNode(String id, String server, String address, String zone, int depth, Outcome outcome,
            List<TraceNode> visits) {
        this(id, server, address, zone, depth, outcome, visits, NodeMarks.NONE);
    }
}
