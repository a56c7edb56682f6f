package org.dnstracer.lab;

import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * What an authoritative server puts into its reply from one zone, along the {@link ZoneWalk}: a referral with its
 * glue, the answer with the aliases inside the zone, or the negative answer's SOA. The same for every query; for a
 * query with DO=1 to a signed zone it only adds what RFC 4035 §3.1 asks for on top: the RRSIGs of every
 * authoritative RRset, the DS RRset (or the proof that there is none) with a referral, and the denial proof with
 * NXDOMAIN and NODATA.
 */
final class ZoneAnswer implements ZoneWalk.Steps {
    private final Message reply;
    private final Zone zone;
    /** Null for an answer without DNSSEC records. */
    private final SignedZone signed;

    private ZoneAnswer(Message reply, Zone zone, SignedZone signed) {
        this.reply = reply;
        this.zone = zone;
        this.signed = signed;
    }

    /** The answer without DNSSEC records (a query without DO, or an unsigned zone). */
    static void plain(Message reply, Zone zone, Name qname, int qtype) {
        ZoneWalk.walk(reply, zone, qname, qtype, new ZoneAnswer(reply, zone, null));
    }

    /** The answer from a signed zone to a query with DO=1. */
    static void signed(Message reply, SignedZone signed, Name qname, int qtype) {
        ZoneAnswer answer = new ZoneAnswer(reply, signed.zone(), signed);
        if (qtype == Type.DS && signed.cuts().contains(qname)) {
            // the DS of a child lives in the parent: answered here, authoritatively, not referred
            reply.getHeader().setFlag(Flags.AA);
            RRset ds = signed.zone().findExactMatch(qname, Type.DS);
            if (ds != null) {
                answer.answer(ds);
            } else {
                answer.negative(signed.noDataProof(qname));
            }
            return;
        }
        ZoneWalk.walk(reply, signed.zone(), qname, qtype, answer);
    }

    /** A referral to {@code ns}, a cut of {@code zone} (or its own apex, for an unrelated referral). */
    static void referral(Message reply, Zone zone, RRset ns) {
        new ZoneAnswer(reply, zone, null).referral(ns);
    }

    @Override
    public void referral(RRset ns) {
        // the NS RRset at a cut belongs to the child: never signed by the parent (RFC 4035 §2.2)
        addRecords(ns, Section.AUTHORITY);
        if (signed != null) {
            RRset ds = zone.findExactMatch(ns.getName(), Type.DS);
            if (ds != null) {
                add(ds, Section.AUTHORITY);
            } else {
                signed.noDataProof(ns.getName()).forEach(proof -> add(proof, Section.AUTHORITY));
            }
        }
        for (Record r : ns.rrs(false)) {
            Name target = ((NSRecord) r).getTarget();
            // glue for in-bailiwick names, including sibling glue: any address the zone holds for the target
            if (target.subdomain(zone.getOrigin())) {
                for (int type : new int[] {Type.A, Type.AAAA}) {
                    RRset glue = zone.findExactMatch(target, type);
                    if (glue != null) {
                        addRecords(glue, Section.ADDITIONAL); // glue is not authoritative: never signed
                    }
                }
            }
        }
    }

    @Override
    public void answer(RRset rrset) {
        add(rrset, Section.ANSWER);
    }

    @Override
    public void nxdomain(Name name) {
        negative(signed == null ? List.of() : signed.nxdomainProof(name));
    }

    @Override
    public void nodata(Name name) {
        negative(signed == null ? List.of() : signed.noDataProof(name));
    }

    @Override
    public Name alias(Name name, SetResponse sr) {
        if (sr.isCNAME()) {
            CNAMERecord cname = sr.getCNAME();
            RRset own = signed == null ? null : zone.findExactMatch(name, Type.CNAME);
            if (own != null) {
                add(own, Section.ANSWER); // as the zone has it, with its RRSIG
            } else {
                reply.addRecord(cname.withName(name), Section.ANSWER); // a wildcard's, under the name asked
            }
            return cname.getTarget();
        }
        DNAMERecord dname = sr.getDNAME();
        RRset own = signed == null ? null : zone.findExactMatch(dname.getName(), Type.DNAME);
        if (own != null) {
            add(own, Section.ANSWER);
        } else {
            reply.addRecord(dname, Section.ANSWER);
        }
        try {
            // the CNAME a DNAME synthesizes is never signed (RFC 6672 §5.3.1)
            Name next = name.fromDNAME(dname);
            reply.addRecord(new CNAMERecord(name, DClass.IN, dname.getTTL(), next), Section.ANSWER);
            return next;
        } catch (NameTooLongException e) {
            reply.getHeader().setRcode(Rcode.YXDOMAIN);
            return null;
        }
    }

    /** The zone's SOA for a negative answer, with the RFC 2308 §3 TTL, and the proof (none without DNSSEC). */
    private void negative(List<RRset> proof) {
        RRset soaSet = zone.findExactMatch(zone.getOrigin(), Type.SOA);
        SOARecord soa = (SOARecord) soaSet.first();
        // the smaller of the SOA's TTL and its MINIMUM; the RRSIG keeps the original TTL, so it still verifies
        long ttl = Math.min(soa.getTTL(), soa.getMinimum());
        reply.addRecord(new SOARecord(soa.getName(), soa.getDClass(), ttl, soa.getHost(), soa.getAdmin(),
                soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum()), Section.AUTHORITY);
        if (signed != null) {
            soaSet.sigs().forEach(sig -> reply.addRecord(sig, Section.AUTHORITY));
        }
        proof.forEach(p -> add(p, Section.AUTHORITY));
    }

    /** An authoritative RRset, with its RRSIGs when the answer is signed. */
    private void add(RRset rrset, int section) {
        addRecords(rrset, section);
        if (signed != null) {
            rrset.sigs().forEach(sig -> reply.addRecord(sig, section));
        }
    }

    private void addRecords(RRset rrset, int section) {
        for (Record r : rrset.rrs(false)) {
            reply.addRecord(r, section);
        }
    }
}
