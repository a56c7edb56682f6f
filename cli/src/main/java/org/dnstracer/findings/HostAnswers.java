package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Set;
import org.dnstracer.trace.NameLookups;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * What a host name's own zone says about it, from the {@code --check} look-ups: its A and AAAA replies (either
 * null when that family was not asked). Only records of the name itself inside the answering zone are believed.
 */
public record HostAnswers(Name name, NameLookups.Answer a, NameLookups.Answer aaaa) {
    /** Both look-ups asked ran to an authoritative reply: only then may "no address" or "other addresses" be said. */
    boolean complete() {
        return settled(a) && settled(aaaa);
    }

    private static boolean settled(NameLookups.Answer answer) {
        return answer == null || answer.complete() && answer.reply() != null;
    }

    /**
     * True when the name's zone gives it no address at all: NXDOMAIN, or NODATA for both A and AAAA. With one
     * family asked ({@code -4}, {@code -6}) NODATA says nothing about the other, so only NXDOMAIN counts.
     */
    boolean noAddress() {
        if (!complete() || cname() != null || !addresses().isEmpty()) {
            return false;
        }
        return a != null && aaaa != null || nxdomain(a) || nxdomain(aaaa);
    }

    private static boolean nxdomain(NameLookups.Answer answer) {
        return answer != null && answer.reply() != null && answer.reply().getRcode() == Rcode.NXDOMAIN;
    }

    /** The alias the name's zone gives for it, or null. */
    Name cname() {
        for (NameLookups.Answer answer : new NameLookups.Answer[] {a, aaaa}) {
            Message reply = answer == null ? null : answer.reply();
            if (reply == null) {
                continue;
            }
            for (Record r : reply.getSection(Section.ANSWER)) {
                if (r instanceof CNAMERecord c && r.getName().equals(name) && r.getName().subdomain(answer.zone())) {
                    return c.getTarget();
                }
            }
        }
        return null;
    }

    /** The addresses the name's zone serves for the name itself (not through an alias). */
    Set<InetAddress> addresses() {
        Set<InetAddress> out = new LinkedHashSet<>();
        for (NameLookups.Answer answer : new NameLookups.Answer[] {a, aaaa}) {
            Message reply = answer == null ? null : answer.reply();
            if (reply == null || reply.getRcode() != Rcode.NOERROR) {
                continue;
            }
            for (Record r : reply.getSection(Section.ANSWER)) {
                if (!r.getName().equals(name) || !r.getName().subdomain(answer.zone())) {
                    continue;
                }
                if (r instanceof ARecord x) {
                    out.add(x.getAddress());
                } else if (r instanceof AAAARecord x) {
                    out.add(x.getAddress());
                }
            }
        }
        return out;
    }

    /** True when the family's look-up was asked. */
    boolean asked(InetAddress address) {
        return address instanceof java.net.Inet4Address ? a != null : aaaa != null;
    }

    /** How the name's zone denied it: "NXDOMAIN" or "no A or AAAA record" (only meaningful without addresses). */
    String denial() {
        for (NameLookups.Answer answer : new NameLookups.Answer[] {a, aaaa}) {
            if (answer != null && answer.reply() != null && answer.reply().getRcode() == Rcode.NXDOMAIN) {
                return "NXDOMAIN from " + ServerText.zone(answer.zone());
            }
        }
        NameLookups.Answer any = a != null ? a : aaaa;
        return "no address record (NODATA) from " + (any == null ? "its zone" : ServerText.zone(any.zone()));
    }
}
