package org.dnstracer.lab;

import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * Answers from a signed zone to a query with DO=1, as RFC 4035 §3.1 asks of an authoritative server: RRSIGs with
 * every authoritative RRset, the DS RRset (or the NSEC/NSEC3 proof that there is none) with a referral, and the
 * denial proof with NXDOMAIN and NODATA.
 */
final class SignedAnswers {
    private SignedAnswers() {}

    static void answer(Message reply, SignedZone signed, Name qname, int qtype) {
        Zone zone = signed.zone();
        if (qtype == Type.DS && signed.cuts().contains(qname)) {
            // the DS of a child lives in the parent: answered here, authoritatively, not referred
            reply.getHeader().setFlag(Flags.AA);
            RRset ds = zone.findExactMatch(qname, Type.DS);
            if (ds != null) {
                add(reply, ds, Section.ANSWER);
            } else {
                negative(reply, signed, signed.noDataProof(qname));
            }
            return;
        }
        ZoneWalk.walk(reply, zone, qname, qtype, new ZoneWalk.Steps() {
            @Override
            public void referral(RRset ns) {
                SignedAnswers.referral(reply, signed, ns);
            }

            @Override
            public void answer(RRset rrset) {
                add(reply, rrset, Section.ANSWER);
            }

            @Override
            public void nxdomain(Name name) {
                negative(reply, signed, signed.nxdomainProof(name));
            }

            @Override
            public void nodata(Name name) {
                negative(reply, signed, signed.noDataProof(name));
            }

            @Override
            public Name alias(Name name, SetResponse sr) {
                if (!sr.isCNAME()) {
                    return null; // no DNAME in the signed lab zones
                }
                add(reply, zone.findExactMatch(name, Type.CNAME), Section.ANSWER);
                return sr.getCNAME().getTarget();
            }
        });
    }

    private static void referral(Message reply, SignedZone signed, RRset ns) {
        Zone zone = signed.zone();
        Name child = ns.getName();
        for (Record r : ns.rrs(false)) {
            reply.addRecord(r, Section.AUTHORITY);
        }
        RRset ds = zone.findExactMatch(child, Type.DS);
        if (ds != null) {
            add(reply, ds, Section.AUTHORITY);
        } else {
            signed.noDataProof(child).forEach(proof -> add(reply, proof, Section.AUTHORITY));
        }
        for (Record r : ns.rrs(false)) {
            Name target = ((NSRecord) r).getTarget();
            if (target.subdomain(zone.getOrigin())) {
                for (int type : new int[] {Type.A, Type.AAAA}) {
                    RRset glue = zone.findExactMatch(target, type);
                    if (glue != null) {
                        for (Record g : glue.rrs(false)) {
                            reply.addRecord(g, Section.ADDITIONAL);
                        }
                    }
                }
            }
        }
    }

    private static void negative(Message reply, SignedZone signed, List<RRset> proof) {
        RRset soaSet = signed.zone().findExactMatch(signed.origin(), Type.SOA);
        SOARecord soa = (SOARecord) soaSet.first();
        // RFC 2308 §3 TTL, as unsigned answers have it; the RRSIG keeps the original TTL, so it still verifies
        long ttl = Math.min(soa.getTTL(), soa.getMinimum());
        reply.addRecord(new SOARecord(soa.getName(), soa.getDClass(), ttl, soa.getHost(), soa.getAdmin(),
                soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum()), Section.AUTHORITY);
        soaSet.sigs().forEach(sig -> reply.addRecord(sig, Section.AUTHORITY));
        proof.forEach(p -> add(reply, p, Section.AUTHORITY));
    }

    private static void add(Message m, RRset rrset, int section) {
        if (rrset == null) {
            return;
        }
        for (Record r : rrset.rrs(false)) {
            m.addRecord(r, section);
        }
        for (Record sig : rrset.sigs()) {
            m.addRecord(sig, section);
        }
    }
}
