package org.dnstracer.findings;

import java.util.ArrayList;
import java.util.List;
import org.dnstracer.model.Section;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;

/** Every node of every section in tree order (depth first, referral order), each with the node above it. */
record TreeWalk(Section section, TraceNode node, TraceNode parent) {
    static List<TreeWalk> of(Trace trace) {
        List<TreeWalk> all = new ArrayList<>();
        for (Section section : trace.sections()) {
            collect(section, section.root(), null, all);
        }
        return all;
    }

    private static void collect(Section section, TraceNode node, TraceNode parent, List<TreeWalk> all) {
        all.add(new TreeWalk(section, node, parent));
        for (TraceNode child : node.children()) {
            collect(section, child, node, all);
        }
    }
}
