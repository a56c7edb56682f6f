package org.dnstracer.findings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The NS TTL in the parent's referral against the one the child's servers give ({@code --check}'s NS probe). A
 * difference is normal (each side owns its copy, registries use one TTL for all), so a shorter child TTL is no
 * finding at all; a longer one is a notice: resolvers that prefer the child's data (RFC 2181 §5.4.1) keep the NS set
 * that long, so a change of delegation at the parent takes up to the child's TTL to be seen. Named against each
 * child address whose TTL is longer than the parent's first referral gave.
 */
final class NsTtlFindings {
    private NsTtlFindings() {}

    static void find(List<TreeWalk> walk, ProbeResults probes, FindingCollector out) {
        Map<Name, Long> parentTtl = new LinkedHashMap<>();
        Map<Name, String> parentServer = new LinkedHashMap<>();
        for (TreeWalk w : walk) {
            TraceNode node = w.node();
            if (!node.verdict().delegates() || node.exchange() == null || !node.exchange().answered()) {
                continue;
            }
            Name zone = node.verdict().referralZone();
            for (Record r : node.exchange().reply().getSection(Section.AUTHORITY)) {
                if (r instanceof NSRecord && r.getName().equals(zone) && !parentTtl.containsKey(zone)) {
                    parentTtl.put(zone, r.getTTL());
                    parentServer.put(zone, ServerText.of(node.server(), node.address()));
                }
            }
        }
        for (CutProbes cut : probes.cuts()) {
            Long parent = parentTtl.get(cut.zone());
            if (parent == null) {
                continue;
            }
            List<String> delegators = cut.parents().stream().map(ServerProbes::server).distinct().toList();
            for (ServerProbes p : cut.children()) {
                Long child = childTtl(cut.zone(), p.get(Probe.NS));
                if (child != null && child > parent) {
                    out.add(FindingCode.NS_TTL_DIFFERS, cut.zone(), p.server(), p.address(), "gives the NS set of "
                            + ServerText.zone(cut.zone()) + " TTL " + child + ", longer than the parent's " + parent
                            + ": a change of delegation takes that long to be seen",
                            List.of("parent's NS TTL " + parent + " from " + parentServer.get(cut.zone())), delegators);
                }
            }
        }
    }

    private static Long childTtl(Name zone, Exchange e) {
        Message reply = e == null ? null : e.reply();
        if (reply == null || reply.getRcode() != Rcode.NOERROR || !reply.getHeader().getFlag(Flags.AA)) {
            return null;
        }
        for (Record r : reply.getSection(Section.ANSWER)) {
            if (r instanceof NSRecord && r.getName().equals(zone)) {
                return r.getTTL();
            }
        }
        return null;
    }
}
