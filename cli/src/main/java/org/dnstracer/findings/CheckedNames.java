package org.dnstracer.findings;

import java.util.LinkedHashSet;
import java.util.Set;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * The host names of one zone cut whose own zone the {@code --check} look-ups ask: what the parent's referral and the
 * child's authoritative replies to the probes name. Read by the checker (what to look up) and by the findings (what
 * was looked up for which zone), so that both agree.
 */
final class CheckedNames {
    private CheckedNames() {}

    /** Every name to look up for the cut. */
    static Set<Name> of(CutProbes cut) {
        Set<Name> names = new LinkedHashSet<>();
        for (Name ns : nameServers(cut)) {
            // in-bailiwick names of the parent's set come with glue the child's own servers are asked about
            if (!ns.subdomain(cut.zone()) || !cut.parentNameServers().contains(ns)) {
                names.add(ns);
            }
        }
        names.addAll(mnames(cut));
        names.addAll(mxTargets(cut));
        return names;
    }

    /** The parent's NS names, then those only the child's servers list. */
    static Set<Name> nameServers(CutProbes cut) {
        Set<Name> names = new LinkedHashSet<>(cut.parentNameServers());
        names.addAll(childNameServers(cut));
        return names;
    }

    /** The NS names the child's servers serve for the zone, over every server. */
    static Set<Name> childNameServers(CutProbes cut) {
        Set<Name> names = new LinkedHashSet<>();
        for (ServerProbes p : cut.children()) {
            for (Record r : answers(p, Probe.NS)) {
                if (r instanceof NSRecord ns && r.getName().equals(cut.zone())) {
                    names.add(ns.getTarget());
                }
            }
        }
        return names;
    }

    /** The SOA MNAMEs the child's servers serve ("." is no server: RFC 2136's convention for none). */
    static Set<Name> mnames(CutProbes cut) {
        Set<Name> names = new LinkedHashSet<>();
        for (ServerProbes p : cut.children()) {
            for (Record r : answers(p, Probe.SOA)) {
                if (r instanceof SOARecord soa && r.getName().equals(cut.zone()) && !soa.getHost().equals(Name.root)) {
                    names.add(soa.getHost());
                }
            }
        }
        return names;
    }

    /** The mail exchangers of the zone's own MX RRset ("." is a null MX, RFC 7505: no mail, nothing to ask). */
    static Set<Name> mxTargets(CutProbes cut) {
        Set<Name> names = new LinkedHashSet<>();
        for (ServerProbes p : cut.children()) {
            for (Record r : answers(p, Probe.MX)) {
                if (r instanceof MXRecord mx && r.getName().equals(cut.zone()) && !mx.getTarget().equals(Name.root)) {
                    names.add(mx.getTarget());
                }
            }
        }
        return names;
    }

    /** The answer section of an authoritative NOERROR reply to the probe, or nothing. */
    private static Record[] answers(ServerProbes p, Probe probe) {
        Exchange e = p.get(probe);
        Message reply = e == null ? null : e.reply();
        if (reply == null || reply.getRcode() != Rcode.NOERROR || !reply.getHeader().getFlag(Flags.AA)) {
            return new Record[0];
        }
        return reply.getSection(Section.ANSWER).toArray(new Record[0]);
    }
}
