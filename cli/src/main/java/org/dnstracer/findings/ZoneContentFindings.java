package org.dnstracer.findings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * What the zone's own records say, read from the {@code --check} probes (Zonemaster's Zone and Syntax cases):
 * SOA timers, SOA MNAME and RNAME, legal name server names. The SOA findings are named against each address that
 * serves the SOA, since the copies may differ.
 */
final class ZoneContentFindings {
    /** Zonemaster's default profile: expire at least a week (ZONE05), negative TTL at most a day (ZONE06). */
    static final long EXPIRE_MINIMUM = 604_800;
    static final long NEGATIVE_TTL_MAXIMUM = 86_400;

    private ZoneContentFindings() {}

    static void find(ProbeResults probes, FindingCollector out) {
        for (CutProbes cut : probes.cuts()) {
            Set<Name> nameServers = new LinkedHashSet<>(cut.parentNameServers());
            List<String> delegators = cut.parents().stream().map(ServerProbes::server).distinct().toList();
            for (ServerProbes p : cut.children()) {
                nameServers.addAll(childNs(cut, p));
            }
            for (ServerProbes p : cut.children()) {
                SOARecord soa = soa(cut, p);
                if (soa != null) {
                    soaFindings(cut, p, soa, nameServers, delegators, out);
                }
            }
            for (Name ns : nameServers) {
                String why = HostNames.whyNotHostName(ns);
                if (why != null) {
                    out.add(FindingCode.NS_NAME_ILLEGAL, cut.zone(), ServerText.name(ns), null,
                            "is not a legal host name (" + why + ")", List.of(), delegators);
                }
            }
        }
    }

    private static void soaFindings(CutProbes cut, ServerProbes p, SOARecord soa, Set<Name> nameServers,
            List<String> delegators, FindingCollector out) {
        String zone = ServerText.zone(cut.zone());
        List<String> evidence = List.of("SOA " + soa.rdataToString() + " from " + ServerText.of(p.server(), p.address()));
        if (soa.getRefresh() < soa.getRetry()) {
            out.add(FindingCode.SOA_REFRESH_BELOW_RETRY, cut.zone(), p.server(), p.address(), "serves " + zone
                    + " with refresh " + soa.getRefresh() + " below retry " + soa.getRetry(), evidence, delegators);
        }
        if (soa.getExpire() < soa.getRefresh()) {
            out.add(FindingCode.SOA_EXPIRE_BELOW_REFRESH, cut.zone(), p.server(), p.address(), "serves " + zone
                    + " with expire " + soa.getExpire() + " below refresh " + soa.getRefresh()
                    + ": secondaries may drop the zone before they next refresh it", evidence, delegators);
        }
        if (soa.getExpire() < EXPIRE_MINIMUM) {
            out.add(FindingCode.SOA_EXPIRE_TOO_SHORT, cut.zone(), p.server(), p.address(), "serves " + zone
                    + " with expire " + soa.getExpire() + ", under a week (" + EXPIRE_MINIMUM + ")", evidence,
                    delegators);
        }
        if (soa.getMinimum() > NEGATIVE_TTL_MAXIMUM) {
            out.add(FindingCode.SOA_NEGATIVE_TTL_TOO_LONG, cut.zone(), p.server(), p.address(), "serves " + zone
                    + " with a negative-caching TTL (minimum) of " + soa.getMinimum() + ", over a day ("
                    + NEGATIVE_TTL_MAXIMUM + ")", evidence, delegators);
        }
        String rname = HostNames.whyNotMailbox(soa.getAdmin());
        if (rname != null) {
            out.add(FindingCode.SOA_RNAME_INVALID, cut.zone(), p.server(), p.address(), "serves " + zone
                    + " with RNAME " + ServerText.name(soa.getAdmin()) + ", not a mailbox (" + rname + ")",
                    evidence, delegators);
        }
        if (!nameServers.isEmpty() && !nameServers.contains(soa.getHost())) {
            out.add(FindingCode.SOA_MNAME_NOT_IN_NS, cut.zone(), p.server(), p.address(), "serves " + zone
                    + " with MNAME " + ServerText.name(soa.getHost()) + ", which is none of its name servers",
                    List.of("name servers: " + String.join(", ", nameServers.stream().map(ServerText::name).toList())),
                    delegators);
        }
    }

    /** The SOA the server serves for the zone (over UDP with EDNS, else over TCP), or null. */
    private static SOARecord soa(CutProbes cut, ServerProbes p) {
        for (Probe probe : List.of(Probe.SOA, Probe.SOA_TCP)) {
            Message reply = authoritative(p, probe);
            if (reply != null) {
                for (Record r : reply.getSection(Section.ANSWER)) {
                    if (r instanceof SOARecord soa && r.getName().equals(cut.zone())) {
                        return soa;
                    }
                }
            }
        }
        return null;
    }

    private static List<Name> childNs(CutProbes cut, ServerProbes p) {
        Message reply = authoritative(p, Probe.NS);
        List<Name> names = new ArrayList<>();
        if (reply != null) {
            for (Record r : reply.getSection(Section.ANSWER)) {
                if (r instanceof NSRecord ns && r.getName().equals(cut.zone())) {
                    names.add(ns.getTarget());
                }
            }
        }
        return names;
    }

    private static Message authoritative(ServerProbes p, Probe probe) {
        Exchange e = p.get(probe);
        Message reply = e == null ? null : e.reply();
        return reply != null && reply.getRcode() == Rcode.NOERROR && reply.getHeader().getFlag(Flags.AA) ? reply : null;
    }
}
