package org.dnstracer.findings;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dnstracer.model.Section;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.Status;
import org.dnstracer.trace.CnameChain;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
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
            if (node.exchange() == null || !node.exchange().answered()) {
                continue;
            }
            Message reply = node.exchange().reply();
            boolean claimsZone = node.status().isAuthoritative()
                    || node.status() == Status.SERVER_ERROR && reply.getHeader().getFlag(Flags.AA);
            Section section = w.section();
            Name qname = section.question().name();
            int qtype = section.question().type();
            if (!claimsZone || qtype == Type.CNAME || qtype == Type.ANY) {
                continue;
            }
            // the engine's own reading of the chain: links from inside the server's zone only
            CnameChain.Walk chain = CnameChain.walk(reply, qname, node.zone());
            if (chain.loop()) {
                out.add(FindingCode.CNAME_LOOP, node.zone(), node.server(), node.address(),
                        "answered a CNAME chain for " + ServerText.name(qname) + " that loops back to "
                                + ServerText.name(chain.end()), List.of(), delegators.of(node));
                continue;
            }
            Optional<Name> target = node.status().isAuthoritative()
                    ? CnameChain.unresolvedTarget(reply, section.question(), node.zone())
                    : Optional.empty();
            if (target.isEmpty() || !options.followCname() || node.status() == Status.AUTHORITATIVE_NXDOMAIN) {
                continue; // a chain denied in its own zone ends there: nothing is left to follow (DanglingCnames)
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
}
