package org.dnstracer.lab;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * What a recursive resolver with minimal responses (BIND and Unbound by default today, systemd-resolved's stub
 * always) answers, computed from every zone of the lab at once instead of by walking it: RA=1, never AA, the
 * answer section only, and the SOA in the authority section of a negative answer. No referral ever: that is
 * what leaves a tracer starting at such a resolver with nothing to follow.
 */
final class LabResolution {
    private static final int MAX_CHAIN = 16;

    /** Every zone of the lab by origin (the first server's copy where several serve one). */
    private final Map<Name, Zone> zones;

    LabResolution(Map<Name, Zone> zones) {
        this.zones = Map.copyOf(zones);
    }

    /** Fills {@code reply} (a skeleton for the query) with the resolver's answer to one question. */
    Message resolve(Message reply, Name qname, int qtype) {
        reply.getHeader().setFlag(Flags.RA);
        Name current = qname;
        Set<Name> seen = new HashSet<>();
        for (int hop = 0; hop < MAX_CHAIN && seen.add(current); hop++) {
            Zone zone = deepestZone(current);
            if (zone == null) {
                return rcode(reply, Rcode.SERVFAIL);
            }
            SetResponse sr = zone.findRecords(current, qtype);
            if (sr.isDelegation()) {
                return rcode(reply, Rcode.SERVFAIL); // delegated to a zone no lab server serves: lame
            }
            if (sr.isSuccessful()) {
                sr.answers().forEach(rrset -> rrset.rrs(false).forEach(r -> reply.addRecord(r, Section.ANSWER)));
                return reply;
            }
            if (sr.isNXDOMAIN() || sr.isNXRRSET()) {
                if (sr.isNXDOMAIN()) {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                reply.addRecord(zone.getSOA(), Section.AUTHORITY);
                return reply;
            }
            if (!sr.isCNAME()) {
                return rcode(reply, Rcode.SERVFAIL);
            }
            CNAMERecord cname = sr.getCNAME();
            reply.addRecord(cname.withName(current), Section.ANSWER);
            current = cname.getTarget(); // a resolver follows the chain into any zone
        }
        return rcode(reply, Rcode.SERVFAIL);
    }

    private Zone deepestZone(Name name) {
        for (int skip = 0; skip < name.labels(); skip++) {
            Zone z = zones.get(skip == 0 ? name : new Name(name, skip));
            if (z != null) {
                return z;
            }
        }
        return null;
    }

    private static Message rcode(Message reply, int rcode) {
        reply.getHeader().setRcode(rcode);
        return reply;
    }
}
