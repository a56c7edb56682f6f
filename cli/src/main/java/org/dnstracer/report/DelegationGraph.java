package org.dnstracer.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.dnssec.NodeDnssec;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.Severity;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.trace.ZoneDelegation;

/** The trace's tree folded into graphs: one node per server address of each section, one edge per referral. */
public final class DelegationGraph {
    private DelegationGraph() {}

    /** The graphs alone, without findings or DNSSEC marks. */
    public static List<SectionGraph> of(Trace trace) {
        return of(trace, List.of(), null);
    }

    /**
     * The graphs with each node marked by the findings that name its address (or its name, for a finding about a
     * name without an address) and by the DNSSEC verdicts on its lines.
     *
     * @param findings the findings, whose positions the marks refer to
     * @param dnssec the DNSSEC report with {@code -D}, else null
     */
    public static List<SectionGraph> of(Trace trace, List<Finding> findings, DnssecReport dnssec) {
        List<SectionGraph> graphs = new ArrayList<>();
        for (int i = 0; i < trace.sections().size(); i++) {
            graphs.add(section(i, trace.sections().get(i), findings, dnssec));
        }
        return List.copyOf(graphs);
    }

    /** The key of a node: the name and the address (the name alone for a name without an address). */
    static String key(TraceNode n) {
        return n.server() + " " + (n.address() == null ? "-" : IpAddresses.format(n.address()));
    }

    private static SectionGraph section(int index, Section section, List<Finding> findings,
            DnssecReport dnssec) {
        Map<String, List<TraceNode>> visits = new LinkedHashMap<>();
        Map<String, Map<String, Boolean>> edges = new LinkedHashMap<>(); // from -> to -> reference only
        Set<String> given = new HashSet<>();
        walk(section.root(), null, visits, edges, given);
        Map<String, String> ids = new LinkedHashMap<>();
        List<GraphNode> nodes = new ArrayList<>();
        for (Map.Entry<String, List<TraceNode>> e : visits.entrySet()) {
            String id = "s" + index + "n" + ids.size();
            ids.put(e.getKey(), id);
            TraceNode first = e.getValue().get(0);
            nodes.add(new GraphNode(id, first.server(),
                    first.address() == null ? null : IpAddresses.format(first.address()),
                    first.zone() == null ? null : first.zone().toString(),
                    first.zone() == null ? 0 : first.zone().labels() - 1, outcome(e.getValue()), e.getValue(),
                    marks(first, e.getValue(), findings, dnssec, given.contains(e.getKey()))));
        }
        List<GraphEdge> graphEdges = new ArrayList<>();
        edges.forEach((from, targets) -> targets.forEach(
                (to, reference) -> graphEdges.add(new GraphEdge(ids.get(from), ids.get(to), reference))));
        return new SectionGraph(index, section, nodes, graphEdges);
    }

    /**
     * @param given gets the key of every server that zone mode's {@code --ns} named: a child of the reply whose
     *     delegation {@code --ns} replaced, under one of the names given (as the findings' "delegated by --ns")
     */
    private static void walk(TraceNode node, TraceNode parent, Map<String, List<TraceNode>> visits,
            Map<String, Map<String, Boolean>> edges, Set<String> given) {
        String key = key(node);
        visits.computeIfAbsent(key, k -> new ArrayList<>()).add(node);
        if (parent != null) {
            boolean reference = isReference(node.status());
            edges.computeIfAbsent(key(parent), k -> new LinkedHashMap<>()).merge(key, reference, Boolean::logicalAnd);
            if (ZoneDelegation.givenByUser(parent.verdict(), node.server())) {
                given.add(key);
            }
        }
        for (TraceNode child : node.children()) {
            walk(child, node, visits, edges, given);
        }
    }

    private static NodeMarks marks(TraceNode first, List<TraceNode> visits, List<Finding> findings,
            DnssecReport dnssec, boolean given) {
        String address = first.address() == null ? null : IpAddresses.format(first.address());
        Severity worst = null;
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (names(f, first.server(), address)) {
                mine.add(i);
                worst = worst == null || f.severity().atLeast(worst) ? f.severity() : worst;
            }
        }
        NodeDnssec verdict = null;
        if (dnssec != null) {
            for (TraceNode v : visits) {
                NodeDnssec d = dnssec.of(v);
                if (d != null && (verdict == null
                        || NodeMarks.badness(d.status()) > NodeMarks.badness(verdict.status()))) {
                    verdict = d;
                }
            }
        }
        return new NodeMarks(worst, verdict == null ? null : verdict.status(), verdict == null ? null : verdict.text(),
                mine, given);
    }

    /**
     * A finding names a node by its address (and its name, when the finding gives one); a finding without an address
     * (a name server with no glue, one only in the parent's NS set) names every address of that server name. One
     * about a whole zone names no node.
     */
    private static boolean names(Finding f, String server, String address) {
        if (f.address() != null) {
            return IpAddresses.format(f.address()).equals(address)
                    && (f.server() == null || f.server().equals(server));
        }
        return f.server() != null && f.server().equals(server);
    }

    private static boolean isReference(Status status) {
        return status == Status.CACHED || status == Status.LOOP;
    }

    /** The first visit that asked decides; a node only ever referred to is cached. */
    private static Outcome outcome(List<TraceNode> visits) {
        return visits.stream()
                .filter(v -> !isReference(v.status()))
                .findFirst()
                .map(v -> Outcome.of(v.status()))
                .orElse(Outcome.CACHED);
    }
}
