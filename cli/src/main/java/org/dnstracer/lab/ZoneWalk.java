package org.dnstracer.lab;

import java.util.HashSet;
import java.util.Set;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * The answer an authoritative server gives from one zone, as both the plain and the signed responder give it: a
 * referral at a cut, else authoritative data, following aliases only while they stay inside the zone (the rest of
 * a chain is the client's business) and at most {@value #MAX_CHAIN} links. What goes into the reply at each step
 * is the responder's.
 */
final class ZoneWalk {
    static final int MAX_CHAIN = 16;

    /** What a responder adds to the reply at each step of the walk. */
    interface Steps {
        /** The question's name is at or below a cut of the zone; only asked for the question's own name. */
        void referral(RRset ns);

        void answer(RRset rrset);

        /** The rcode is already NXDOMAIN. */
        void nxdomain(Name name);

        void nodata(Name name);

        /**
         * A CNAME or DNAME at {@code name} (an alias that led below a cut ends the walk without a referral): add it,
         * and give the name the chain goes on with, or null to end here.
         */
        Name alias(Name name, SetResponse response);
    }

    private ZoneWalk() {}

    static void walk(Message reply, Zone zone, Name qname, int qtype, Steps steps) {
        Name current = qname;
        Set<Name> seen = new HashSet<>();
        seen.add(current);
        for (int hop = 0; hop < MAX_CHAIN; hop++) {
            SetResponse sr = zone.findRecords(current, qtype);
            if (sr.isDelegation()) {
                if (hop == 0) {
                    steps.referral(sr.getNS());
                }
                return;
            }
            reply.getHeader().setFlag(Flags.AA);
            if (sr.isSuccessful()) {
                sr.answers().forEach(steps::answer);
                return;
            }
            if (sr.isNXDOMAIN()) {
                reply.getHeader().setRcode(Rcode.NXDOMAIN);
                steps.nxdomain(current);
                return;
            }
            if (sr.isNXRRSET()) {
                steps.nodata(current);
                return;
            }
            Name next = sr.isCNAME() || sr.isDNAME() ? steps.alias(current, sr) : null;
            if (next == null || !next.subdomain(zone.getOrigin()) || !seen.add(next)) {
                return;
            }
            current = next;
        }
    }
}
