package org.dnstracer.findings;

import java.util.ArrayList;
import java.util.List;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.trace.CnameChain;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

/**
 * CNAMEs whose target does not exist: the alias still points at a name nobody serves, which is how subdomains are
 * taken over (whoever registers or claims the target answers for the alias). A notice naming the target, against
 * each server that gave the CNAME. Seen two ways: the target's own trace ends in NXDOMAIN at every server that
 * answered it, or the server itself answered the chain with NXDOMAIN (the target is in its own zone).
 */
final class DanglingCnames {
    private DanglingCnames() {}

    static void find(Trace trace, List<TreeWalk> walk, Delegators delegators, FindingCollector out) {
        for (TreeWalk w : walk) {
            TraceNode node = w.node();
            if (node.status() != Status.AUTHORITATIVE_NXDOMAIN || node.exchange() == null) {
                continue;
            }
            Name qname = w.section().question().name();
            CnameChain.Walk chain = CnameChain.walk(node.exchange().reply(), qname, node.zone());
            // only a target inside the server's zone: its NXDOMAIN says nothing about a name elsewhere
            if (chain.links() > 0 && !chain.loop() && node.zone() != null && chain.end().subdomain(node.zone())) {
                add(node, qname, chain.end(), "NXDOMAIN in the same reply", delegators, out);
            }
        }
        for (Section target : trace.sections()) {
            if (target.cnameOf() == null || !deniedEverywhere(target, walk)) {
                continue;
            }
            Name alias = target.cnameOf();
            Name end = target.question().name();
            for (TreeWalk w : walk) {
                TraceNode node = w.node();
                if (!w.section().question().name().equals(alias) || node.status() != Status.AUTHORITATIVE_ANSWER
                        || node.exchange() == null) {
                    continue;
                }
                CnameChain.Walk chain = CnameChain.walk(node.exchange().reply(), alias, node.zone());
                if (chain.links() > 0 && chain.end().equals(end)) {
                    add(node, alias, end, "NXDOMAIN from every server of its zone", delegators, out);
                }
            }
        }
    }

    /** True when the section's authoritative servers all said NXDOMAIN (and at least one answered). */
    private static boolean deniedEverywhere(Section section, List<TreeWalk> walk) {
        List<Status> statuses = new ArrayList<>();
        for (TreeWalk w : walk) {
            if (w.section() == section && w.node().status().isAuthoritative()) {
                statuses.add(w.node().status());
            }
        }
        return !statuses.isEmpty() && statuses.stream().allMatch(s -> s == Status.AUTHORITATIVE_NXDOMAIN);
    }

    private static void add(TraceNode node, Name alias, Name target, String how, Delegators delegators,
            FindingCollector out) {
        out.add(FindingCode.CNAME_DANGLING, node.zone(), node.server(), node.address(), "answered "
                + ServerText.name(alias) + " CNAME " + ServerText.name(target) + ", a name that does not exist ("
                + how + ")", List.of("target " + ServerText.name(target) + ": " + Rcode.string(Rcode.NXDOMAIN)),
                delegators.of(node));
    }
}
