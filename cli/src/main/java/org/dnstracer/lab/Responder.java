package org.dnstracer.lab;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * Answers one query the way an authoritative-only server (NSD, Knot, BIND without recursion) does: from the
 * closest enclosing zone it serves, REFUSED outside them, never recursing (RA=0, RD only echoed).
 */
final class Responder {
    /** Our advertised EDNS payload size: the DNS Flag Day 2020 value. */
    static final int EDNS_PAYLOAD = 1232;
    private static final Name VERSION_BIND = Name.fromConstantString("version.bind.");
    /** What a {@code discloses-version} server says it runs. */
    static final String DISCLOSED_VERSION = "9.18.28-1~deb12u2-Debian (lab)";

    /** A CNAME chain inside one zone longer than this is cut: it only guards against loops dnsjava would follow. */

    /** AXFR messages are cut near this size so none comes near the 64 KiB TCP message limit. */
    private static final int AXFR_MESSAGE_BYTES = 16_000;

    private final Map<Name, Zone> zones;
    /** The first zone in the lab file's order: where an unrelated referral points. Null for a server of none. */
    private final Zone firstZone;
    private final LabResolution resolution;
    private final Set<Name> axfrZones;
    private final List<Record> rootHints;
    /** Signed copies of some of the zones, used only for queries with DO=1: the others never see DNSSEC data. */
    private final Map<Name, SignedZone> signed;

    Responder(Map<Name, Zone> zones, Set<Name> axfrZones, List<Record> rootHints, LabResolution resolution,
            Map<Name, SignedZone> signed) {
        this.resolution = resolution;
        this.firstZone = zones.isEmpty() ? null : zones.values().iterator().next();
        this.zones = Map.copyOf(zones);
        this.axfrZones = Set.copyOf(axfrZones);
        this.rootHints = List.copyOf(rootHints);
        this.signed = Map.copyOf(signed);
    }

    /** The reply messages for a parsed query, as a server with this behaviour sends them. */
    List<Message> respond(Message query, Behaviour behaviour, boolean tcp) {
        if (behaviour.rejectsEdns() && query.getOPT() != null) {
            return List.of(formerrWithoutOpt(query));
        }
        if (behaviour.ignoresEdnsVersion() && query.getOPT() != null && query.getOPT().getVersion() != 0) {
            Message v0 = query.clone();
            v0.removeAllRecords(Section.ADDITIONAL);
            v0.addRecord(new OPTRecord(query.getOPT().getPayloadSize(), 0, 0, 0), Section.ADDITIONAL);
            query = v0;
        }
        Behaviour.Mode mode = behaviour.mode();
        if (mode == Behaviour.Mode.RESOLVER || mode == Behaviour.Mode.RESOLVER_RD_ONLY) {
            if (query.getOPT() != null && query.getOPT().getVersion() != 0) {
                return List.of(badvers(skeleton(query))); // BIND and Unbound check the version before anything
            }
            return List.of(resolve(query, mode));
        }
        List<Message> replies = respond(query, mode, tcp);
        if (behaviour.has(Quirk.DISCLOSES_VERSION) && query.getQuestion() != null
                && query.getQuestion().getDClass() == DClass.CH && query.getQuestion().getType() == Type.TXT
                && query.getQuestion().getName().equals(VERSION_BIND)) {
            Message reply = skeleton(query);
            reply.getHeader().setFlag(Flags.AA);
            reply.addRecord(new org.xbill.DNS.TXTRecord(VERSION_BIND, DClass.CH, 0, DISCLOSED_VERSION),
                    Section.ANSWER);
            return List.of(reply);
        }
        if (behaviour.has(Quirk.NXDOMAIN_FOR_OTHER_TYPES) && query.getQuestion() != null
                && (query.getQuestion().getType() == Type.AAAA
                        || Type.string(query.getQuestion().getType()).startsWith("TYPE"))) {
            for (Message reply : replies) {
                if (reply.getRcode() == Rcode.NOERROR && reply.getSection(Section.ANSWER).isEmpty()
                        && reply.getSection(Section.AUTHORITY).stream().anyMatch(r -> r instanceof SOARecord)) {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN);
                }
            }
        }
        if (behaviour.has(Quirk.LOWERCASE_QUESTION) && query.getQuestion() != null) {
            Record q = query.getQuestion();
            Record lower = Record.newRecord(Name.fromConstantString(q.getName().toString().toLowerCase(
                    java.util.Locale.ROOT)), q.getType(), q.getDClass());
            for (Message reply : replies) {
                if (reply.getQuestion() != null) {
                    reply.removeAllRecords(Section.QUESTION);
                    reply.addRecord(lower, Section.QUESTION);
                }
            }
        }
        if (behaviour.has(Quirk.ECHO_EDNS) && query.getOPT() != null) {
            OPTRecord queryOpt = query.getOPT();
            replies.forEach(reply -> echoOpt(reply, queryOpt));
        }
        if (behaviour.has(Quirk.CLEAR_DO)) {
            replies.forEach(Responder::clearDo);
        }
        if (behaviour.has(Quirk.RRSIG_WITHOUT_DO) && !dnssecOk(query)) {
            replies.forEach(this::addSignatures);
        }
        if (behaviour.has(Quirk.RA_WITHOUT_RECURSION)) {
            replies.forEach(reply -> reply.getHeader().setFlag(Flags.RA));
        }
        if (behaviour.offersRecursion()) {
            Record question = query.getQuestion();
            boolean outside = question != null && closestZone(question.getName()) == null;
            for (Message reply : replies) {
                reply.getHeader().setFlag(Flags.RA);
                if (outside && query.getHeader().getFlag(Flags.RD) && reply.getRcode() == Rcode.REFUSED) {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN); // what it "resolved": the lab has nowhere to go
                }
            }
        }
        return replies;
    }

    private Message resolve(Message query, Behaviour.Mode mode) {
        Message reply = skeleton(query);
        reply.getHeader().setFlag(Flags.RA);
        Record question = query.getQuestion();
        if (query.getHeader().getOpcode() != Opcode.QUERY || question == null) {
            reply.getHeader().setRcode(Rcode.NOTIMP);
            return reply;
        }
        if (mode == Behaviour.Mode.RESOLVER_RD_ONLY && !query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setRcode(Rcode.REFUSED);
            return reply;
        }
        return resolution.resolve(reply, question.getName(), question.getType());
    }

    /** The reply messages for a parsed query: one, except for a zone transfer. */
    List<Message> respond(Message query, Behaviour.Mode mode, boolean tcp) {
        Message reply = skeleton(query);
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            reply.removeAllRecords(Section.QUESTION); // as BIND and NSD answer an opcode they do not implement
            return error(reply, Rcode.NOTIMP);
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getCount(Section.QUESTION) != 1) {
            return error(reply, Rcode.FORMERR);
        }
        OPTRecord opt = query.getOPT();
        if (opt != null && opt.getVersion() != 0) {
            return List.of(badvers(reply));
        }
        switch (mode) {
            case REFUSE:
                return error(reply, Rcode.REFUSED);
            case SERVFAIL:
                return error(reply, Rcode.SERVFAIL);
            case NOTAUTH:
                return error(reply, Rcode.NOTAUTH);
            case UPWARD_REFERRAL:
                upwardReferral(reply);
                return List.of(reply);
            default:
                break;
        }
        if (question.getDClass() != DClass.IN) {
            return error(reply, Rcode.REFUSED);
        }
        int qtype = question.getType();
        Zone zone = closestZone(question.getName());
        if (qtype == Type.AXFR || qtype == Type.IXFR) {
            return transfer(reply, zone, question, tcp);
        }
        if (zone == null) {
            if (mode == Behaviour.Mode.UNRELATED_REFERRAL && firstZone != null) {
                ZoneAnswer.referral(reply, firstZone, firstZone.getNS());
                return List.of(reply);
            }
            return error(reply, Rcode.REFUSED);
        }
        SignedZone signedZone = dnssecOk(query) ? signed.get(zone.getOrigin()) : null;
        if (signedZone != null) {
            ZoneAnswer.signed(reply, signedZone, question.getName(), qtype);
            return List.of(reply);
        }
        ZoneAnswer.plain(reply, zone, question.getName(), qtype);
        return List.of(reply);
    }

    /** FORMERR without an OPT record, as a server that predates EDNS answers a query that has one. */
    static Message formerrWithoutOpt(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setOpcode(query.getHeader().getOpcode());
        if (query.getQuestion() != null) {
            reply.addRecord(query.getQuestion(), Section.QUESTION);
        }
        reply.getHeader().setRcode(Rcode.FORMERR);
        return reply;
    }

    /** RFC 6891 §6.1.3: an unknown EDNS version. BADVERS (16) does not fit the header's 4 bits. */
    private static Message badvers(Message reply) {
        reply.getHeader().setRcode(Rcode.BADVERS & 0xF);
        reply.removeAllRecords(Section.ADDITIONAL); // the skeleton's OPT: one OPT only, carrying the upper bits
        reply.addRecord(new OPTRecord(EDNS_PAYLOAD, Rcode.BADVERS >>> 4, 0, 0), Section.ADDITIONAL);
        return reply;
    }

    /** A reply carrying the query's ID, opcode, RD and question, plus our OPT when the query had one. */
    static Message skeleton(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question != null) {
            reply.addRecord(question, Section.QUESTION);
        }
        if (query.getOPT() != null) {
            // RFC 3225 §3: DO is copied into the reply
            reply.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0, dnssecOk(query) ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        }
        return reply;
    }

    /** Replaces the reply's OPT record by the query's options and flags (not its version or BADVERS). */
    private static void echoOpt(Message reply, OPTRecord queryOpt) {
        OPTRecord own = reply.getOPT();
        if (own == null || own.getExtendedRcode() != 0) {
            return;
        }
        reply.removeRecord(own, Section.ADDITIONAL);
        reply.addRecord(new OPTRecord(own.getPayloadSize(), 0, own.getVersion(), queryOpt.getFlags(),
                queryOpt.getOptions()), Section.ADDITIONAL);
    }

    private static void clearDo(Message reply) {
        OPTRecord opt = reply.getOPT();
        if (opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0) {
            reply.removeRecord(opt, Section.ADDITIONAL);
            reply.addRecord(new OPTRecord(opt.getPayloadSize(), opt.getExtendedRcode(), opt.getVersion(),
                    opt.getFlags() & ~ExtendedFlags.DO, opt.getOptions()), Section.ADDITIONAL);
        }
    }

    /** The {@code rrsig-without-do} quirk: the zone file's RRSIGs over each answer RRset, added after it. */
    private void addSignatures(Message reply) {
        Set<String> done = new java.util.HashSet<>();
        for (Record r : List.copyOf(reply.getSection(Section.ANSWER))) {
            Zone zone = closestZone(r.getName());
            if (zone == null || !done.add(r.getName() + "/" + r.getType())) {
                continue;
            }
            RRset rrset = zone.findExactMatch(r.getName(), r.getType());
            if (rrset != null) {
                rrset.sigs().forEach(sig -> reply.addRecord(sig, Section.ANSWER));
            }
        }
    }

    static boolean dnssecOk(Message query) {
        OPTRecord opt = query.getOPT();
        return opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
    }

    private static List<Message> error(Message reply, int rcode) {
        reply.getHeader().setRcode(rcode);
        return List.of(reply);
    }

    private Zone closestZone(Name qname) {
        // walk from the name towards the root: the first zone met is the closest enclosing one
        for (int skip = 0; skip < qname.labels(); skip++) {
            Zone z = zones.get(skip == 0 ? qname : new Name(qname, skip));
            if (z != null) {
                return z;
            }
        }
        return null;
    }

    private void upwardReferral(Message reply) {
        for (Record r : rootHints) {
            reply.addRecord(r, r.getType() == Type.NS ? Section.AUTHORITY : Section.ADDITIONAL);
        }
    }

    private List<Message> transfer(Message reply, Zone zone, Record question, boolean tcp) {
        if (question.getType() == Type.IXFR) {
            return error(reply, Rcode.NOTIMP);
        }
        if (!tcp) {
            // what BIND answers to AXFR over UDP
            return error(reply, Rcode.FORMERR);
        }
        if (zone == null || !zone.getOrigin().equals(question.getName()) || !axfrZones.contains(zone.getOrigin())) {
            return error(reply, Rcode.REFUSED);
        }
        List<Message> messages = new ArrayList<>();
        Message current = reply;
        current.getHeader().setFlag(Flags.AA);
        Iterator<RRset> it = zone.AXFR();
        while (it.hasNext()) {
            RRset rrset = it.next();
            if (current.numBytes() > AXFR_MESSAGE_BYTES) {
                messages.add(current);
                current = new Message(reply.getHeader().getID());
                current.getHeader().setFlag(Flags.QR);
                current.getHeader().setFlag(Flags.AA);
            }
            addRRset(current, rrset, Section.ANSWER);
        }
        messages.add(current);
        return messages;
    }

    private static void addRRset(Message m, RRset rrset, int section) {
        for (Record r : rrset.rrs(false)) {
            m.addRecord(r, section);
        }
    }
}
