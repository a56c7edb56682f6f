package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Serial;

/**
 * What the host names a zone points at say in their own zones, from the {@code --check} look-ups (Zonemaster's
 * ZONE01, ZONE08 and CONSISTENCY05, DNSViz's glue and NS address checks): name servers without an address or that
 * are aliases, glue outside the child's bailiwick that differs from the name's addresses, a primary (SOA MNAME) that
 * does not resolve, does not answer for the zone or serves an older serial than its servers, mail exchangers that are
 * aliases. Nothing is concluded from a look-up the budget or the time limit cut short.
 */
final class HostNameFindings {
    private HostNameFindings() {}

    static void find(ProbeResults probes, FindingCollector out) {
        if (probes.hosts().isEmpty()) {
            return;
        }
        for (CutProbes cut : probes.cuts()) {
            List<String> delegators = cut.parents().stream().map(ServerProbes::server).distinct().toList();
            nameServers(cut, probes, delegators, out);
            primary(cut, probes, delegators, out);
            mailExchangers(cut, probes, delegators, out);
        }
    }

    private static void nameServers(CutProbes cut, ProbeResults probes, List<String> delegators,
            FindingCollector out) {
        Set<Name> child = CheckedNames.childNameServers(cut);
        for (Name ns : CheckedNames.of(cut)) {
            boolean atParent = cut.parentNameServers().contains(ns);
            if (!atParent && !child.contains(ns)) {
                continue; // an MNAME or MX target only
            }
            HostAnswers host = probes.host(ns);
            if (host == null || !host.complete()) {
                continue;
            }
            String zone = ServerText.zone(cut.zone());
            List<InetAddress> glue = cut.glue().getOrDefault(ns, List.of());
            String where = (atParent ? "in the parent's delegation" : "in the child's NS set") + " of " + zone;
            if (host.cname() != null) {
                out.add(FindingCode.NS_IS_CNAME, cut.zone(), ServerText.name(ns), null, "the name server name "
                        + ServerText.name(ns) + " " + where + " is a CNAME to " + ServerText.name(host.cname()),
                        List.of(), delegators);
                continue;
            }
            Set<InetAddress> served = host.addresses();
            if (host.noAddress()) {
                // a parent name without glue was looked up by the trace itself: NS_NO_ADDRESS says so there
                if (!atParent || !glue.isEmpty()) {
                    out.add(FindingCode.NS_NAME_UNRESOLVABLE, cut.zone(), ServerText.name(ns), null, "is a name "
                            + "server " + where + " but its own zone gives it no address (" + host.denial() + ")"
                            + (glue.isEmpty() ? "" : "; only the parent's glue says " + addresses(glue)),
                            List.of(), delegators);
                }
                continue;
            }
            if (served.isEmpty() || ns.subdomain(cut.zone())) {
                continue; // in-bailiwick glue is compared with what the child's own servers say (ProbeFindings)
            }
            for (InetAddress a : glue) {
                if (host.asked(a) && !served.contains(a)) {
                    out.add(FindingCode.GLUE_MISMATCH, cut.zone(), ServerText.name(ns), a, "the parent's glue for "
                            + "the out-of-bailiwick name " + ServerText.name(ns) + " says " + addresses(glue)
                            + ", its own zone says " + addresses(served), List.of(), delegators);
                }
            }
        }
    }

    private static void primary(CutProbes cut, ProbeResults probes, List<String> delegators, FindingCollector out) {
        String zone = ServerText.zone(cut.zone());
        for (Name mname : CheckedNames.mnames(cut)) {
            HostAnswers host = probes.host(mname);
            if (host == null || !host.complete() || host.cname() != null) {
                continue;
            }
            if (host.noAddress()) {
                out.add(FindingCode.SOA_MNAME_UNRESOLVABLE, cut.zone(), ServerText.name(mname), null, "is the SOA "
                        + "MNAME (primary) of " + zone + " but has no address (" + host.denial() + ")", List.of(),
                        delegators);
            }
        }
        for (ServerProbes p : cut.mnameServers()) {
            String why = notAuthoritative(p.get(Probe.MNAME_SOA), cut.zone());
            if (why != null) {
                out.add(FindingCode.SOA_MNAME_NOT_AUTHORITATIVE, cut.zone(), p.server(), p.address(), "is the SOA "
                        + "MNAME (primary) of " + zone + " but " + why, List.of("dig +norec +noedns @"
                                + IpAddresses.format(p.address()) + " " + zone + " SOA"), delegators);
            } else {
                serialBehind(cut, p, delegators, out);
            }
        }
    }

    /**
     * Zonemaster's ZONE01 (Z01_MNAME_NOT_MASTER): the primary's serial must be at least every serial the zone's
     * servers gave the SOA probe (RFC 1982 arithmetic); one that is older cannot be where they got the zone. A
     * primary ahead of them is normal for the seconds a transfer takes, and is no finding.
     */
    private static void serialBehind(CutProbes cut, ServerProbes p, List<String> delegators, FindingCollector out) {
        Exchange e = p.get(Probe.MNAME_SOA);
        SOARecord own = e == null || e.reply() == null ? null : soaOf(e.reply(), cut.zone());
        if (own == null) {
            return;
        }
        List<String> newer = new ArrayList<>();
        long newest = own.getSerial();
        for (ServerProbes child : cut.children()) {
            SOARecord soa = ProbeFindings.servedSoa(child, cut.zone());
            if (soa != null && Serial.compare(soa.getSerial(), own.getSerial()) > 0) {
                newer.add("serial " + soa.getSerial() + " from " + ServerText.of(child.server(), child.address()));
                if (Serial.compare(soa.getSerial(), newest) > 0) {
                    newest = soa.getSerial();
                }
            }
        }
        if (newer.isEmpty()) {
            return;
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("serial " + own.getSerial() + " from the primary " + ServerText.of(p.server(), p.address()));
        evidence.addAll(newer);
        evidence.add("dig +norec +noedns @" + IpAddresses.format(p.address()) + " " + ServerText.zone(cut.zone())
                + " SOA");
        out.add(FindingCode.SOA_MNAME_SERIAL_BEHIND, cut.zone(), p.server(), p.address(), "is the SOA MNAME (primary) "
                + "of " + ServerText.zone(cut.zone()) + " but serves serial " + own.getSerial() + ", older than "
                + newest + " on a server of the zone", evidence, delegators);
    }

    private static SOARecord soaOf(Message reply, Name zone) {
        for (Record r : reply.getSection(Section.ANSWER)) {
            if (r instanceof SOARecord soa && r.getName().equals(zone)) {
                return soa;
            }
        }
        return null;
    }

    /** Why the reply to the SOA question is no authoritative answer, or null when it is one. */
    private static String notAuthoritative(Exchange e, Name zone) {
        if (e == null) {
            return null; // not sent: the budget was spent
        }
        Message reply = e.reply();
        if (reply == null) {
            return "did not answer its SOA question";
        }
        if (reply.getRcode() != Rcode.NOERROR) {
            return "answered its SOA question " + Rcode.string(reply.getRcode());
        }
        if (!reply.getHeader().getFlag(Flags.AA)) {
            return "answered its SOA question without the AA bit";
        }
        for (Record r : reply.getSection(Section.ANSWER)) {
            if (r instanceof SOARecord && r.getName().equals(zone)) {
                return null;
            }
        }
        return "answered its SOA question with no SOA record";
    }

    private static void mailExchangers(CutProbes cut, ProbeResults probes, List<String> delegators,
            FindingCollector out) {
        for (Name mx : CheckedNames.mxTargets(cut)) {
            HostAnswers host = probes.host(mx);
            if (host != null && host.complete() && host.cname() != null) {
                out.add(FindingCode.MX_IS_CNAME, cut.zone(), ServerText.name(mx), null, "is a mail exchanger of "
                        + ServerText.zone(cut.zone()) + " but a CNAME to " + ServerText.name(host.cname()),
                        List.of(), delegators);
            }
        }
    }

    private static String addresses(java.util.Collection<InetAddress> list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(IpAddresses.format(a)));
        return String.join(", ", out);
    }
}
