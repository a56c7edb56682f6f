package org.dnstracer.dnssec;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dnstracer.model.TraceNode;

/**
 * What {@code -D} found about one trace: a verdict per server line, a chain per section, and the problems.
 *
 * @param time the moment signatures were checked at
 * @param anchors the trust anchors used
 * @param nodes verdicts by tree node (by identity: the same server may appear twice with different parents)
 * @param chains per section, the zones from the top down
 * @param problems every bogus or undecided piece of data, in tree order, each once
 * @param dnskeyQueries queries made after the trace: the DNSKEY fetches, and the DS traced from the root hints for
 *     a start zone no anchor covers (the name kept for the JSON field)
 */
public record DnssecReport(Instant time, TrustAnchors anchors, Map<TraceNode, NodeDnssec> nodes,
        List<List<ZoneSummary>> chains, List<DnssecProblem> problems, int dnskeyQueries) {
    public DnssecReport {
        Map<TraceNode, NodeDnssec> copy = new IdentityHashMap<>(nodes);
        nodes = Collections.unmodifiableMap(copy);
        chains = chains.stream().map(List::copyOf).toList();
        problems = List.copyOf(problems);
    }

    /** The verdict on a node's data, or null when nothing was checked there (no reply, lame, cached, ...). */
    public NodeDnssec of(TraceNode node) {
        return nodes.get(node);
    }

    /** {@code . (20326 RSASHA256) secure -> com (...) secure -> example.com (...) bogus: ...} */
    public static String chainText(List<ZoneSummary> chain) {
        return chain.stream().map(ZoneSummary::text).collect(Collectors.joining(" -> "));
    }
}
