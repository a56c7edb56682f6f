package org.dnstracer.findings;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dnstracer.model.Section;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * CNAME chains that do not end: a target that leads back to a name already traced (a loop, also inside one
 * reply), or a chain cut off after the names the engine follows. Blamed on the servers that gave the last link.
 */
final class CnameFindings {
    private CnameFindings() {}

    static void find(Trace trace, List<TreeWalk> walk, Delegators delegators, AnalysisOptions options,
            FindingCollector out) {
        Set<Name> traced = new HashSet<>();
        trace.sections().forEach(s -> traced.add(s.question().name()));
        for (TreeWalk w : walk) {
            TraceNode node = w.node();
            if (!node.status().isAuthoritative() || node.exchange() == null || !node.exchange().answered()) {
                continue;
            }
            Section section = w.section();
            Name qname = section.question().name();
            int qtype = section.question().type();
            if (qtype == Type.CNAME || qtype == Type.ANY) {
                continue;
            }
            List<Record> answer = node.exchange().reply().getSection(org.xbill.DNS.Section.ANSWER);
            Chain chain = follow(answer, qname);
            if (chain.loops()) {
                out.add(FindingCode.CNAME_LOOP, node.zone(), node.server(), node.address(),
                        "answered a CNAME chain for " + ServerText.name(qname) + " that loops back to "
                                + ServerText.name(chain.end()), List.of(), delegators.of(node));
                continue;
            }
            Optional<Name> target = chain.unanswered(answer, qtype);
            if (target.isEmpty() || !options.followCname()) {
                continue;
            }
            Name t = target.get();
            boolean tracedFromHere = trace.sections().stream()
                    .anyMatch(s -> s.question().name().equals(t) && qname.equals(s.cnameOf()));
            if (tracedFromHere) {
                continue;
            }
            if (traced.contains(t)) {
                out.add(FindingCode.CNAME_LOOP, node.zone(), node.server(), node.address(),
                        "answered " + ServerText.name(qname) + " CNAME " + ServerText.name(t)
                                + ", a name already traced: the chain loops", List.of(), delegators.of(node));
            } else {
                out.add(FindingCode.CNAME_CHAIN_TOO_LONG, node.zone(), node.server(), node.address(),
                        "answered " + ServerText.name(qname) + " CNAME " + ServerText.name(t) + ", after "
                                + trace.sections().size() + " names: not followed further",
                        List.of(), delegators.of(node));
            }
        }
    }

    private record Chain(Name end, boolean loops, boolean moved) {
        /** The end of the chain when the reply has no record of the type asked for there. */
        Optional<Name> unanswered(List<Record> answer, int qtype) {
            if (!moved) {
                return Optional.empty(); // no CNAME at all: nothing to follow
            }
            boolean answered = answer.stream().anyMatch(r -> r.getName().equals(end) && r.getType() == qtype);
            return answered ? Optional.empty() : Optional.of(end);
        }
    }

    private static Chain follow(List<Record> answer, Name start) {
        Set<Name> seen = new HashSet<>();
        Name current = start;
        while (seen.add(current)) {
            Name next = null;
            for (Record r : answer) {
                if (r instanceof CNAMERecord c && r.getName().equals(current)) {
                    next = c.getTarget();
                    break;
                }
            }
            if (next == null) {
                return new Chain(current, false, !current.equals(start));
            }
            current = next;
        }
        return new Chain(current, true, true);
    }
}
