package org.dnstracer.dnssec;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.TraceStats;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A zone signed by a signer nobody here wrote (BIND's dnssec-signzone, ldns-signzone: see the README beside the
 * files), loaded from the test resources, and the replies its one server would give, built record by record from
 * it. The zone is its own trust anchor (its dsset file), so a trace is one server line checked from the anchor.
 */
final class SignedZoneFile {
    /** Inside the signatures' validity (2025-01-01 to 2040-12-31). */
    static final Instant AT = Instant.parse("2026-06-15T12:00:00Z");
    static final Name ZONE = Name.fromConstantString("example.");
    private static final InetAddress SERVER = address("127.0.0.53");

    private final Map<String, RRset> rrsets = new LinkedHashMap<>();

    private SignedZoneFile(List<Record> records) {
        for (Record r : records) {
            int type = r instanceof RRSIGRecord sig ? sig.getTypeCovered() : r.getType();
            rrsets.computeIfAbsent(key(r.getName(), type), k -> new RRset()).addRR(r);
        }
    }

    /** {@code example.nsec.signed}, {@code example.nsec3.signed} or {@code example.nsec3-2500.signed}. */
    static SignedZoneFile load(String file) {
        return new SignedZoneFile(read(file, ZONE));
    }

    private static List<Record> read(String file, Name origin) {
        try (InputStream in = SignedZoneFile.class.getResourceAsStream("signed/" + file)) {
            if (in == null) {
                throw new IllegalStateException("test resource signed/" + file + " missing");
            }
            List<Record> out = new ArrayList<>();
            try (Master master = new Master(in, origin, 3600)) {
                Record r;
                while ((r = master.nextRecord()) != null) {
                    out.add(r);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trust anchor: the DS dnssec-signzone wrote for the zone's KSK. */
    static TrustAnchors anchor() throws TrustAnchors.AnchorException {
        return TrustAnchors.of(new ArrayList<>(read("dsset-example.", ZONE)), "dsset-example.");
    }

    static DSRecord ds() {
        return (DSRecord) read("dsset-example.", ZONE).get(0);
    }

    private static String key(Name name, int type) {
        return name.toString().toLowerCase(java.util.Locale.ROOT) + "/" + Type.string(type);
    }

    /** The RRset with its signatures. */
    RRset get(String name, int type) {
        RRset set = rrsets.get(key(Name.fromConstantString(name), type));
        if (set == null) {
            throw new IllegalArgumentException("no " + Type.string(type) + " at " + name + " in the zone");
        }
        return set;
    }

    /** Every RRset of the type in the zone (the whole NSEC or NSEC3 chain). */
    List<RRset> all(int type) {
        return rrsets.values().stream().filter(s -> s.getType() == type).toList();
    }

    /** An authoritative reply with these RRsets (and their RRSIGs) in the answer and authority sections. */
    static Message reply(Question question, int rcode, List<RRset> answer, List<RRset> authority) {
        Message m = new Message();
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setFlag(Flags.AA);
        m.getHeader().setRcode(rcode);
        m.addRecord(Record.newRecord(question.name(), question.type(), DClass.IN), org.xbill.DNS.Section.QUESTION);
        add(m, org.xbill.DNS.Section.ANSWER, answer);
        add(m, org.xbill.DNS.Section.AUTHORITY, authority);
        return m;
    }

    static void add(Message m, int section, List<RRset> sets) {
        for (RRset s : sets) {
            s.rrs(false).forEach(r -> m.addRecord(r, section));
            s.sigs().forEach(r -> m.addRecord(r, section));
        }
    }

    /** The zone's signed DNSKEY RRset as the DNSKEY query after the trace got it. */
    FetchedKeys keys() {
        Message m = reply(new Question(ZONE, Type.DNSKEY), Rcode.NOERROR, List.of(get("example.", Type.DNSKEY)),
                List.of());
        return new FetchedKeys(Map.of(new ServerZone(SERVER, ZONE),
                new Exchange(new ServerAddress(SERVER, 53), ZONE, Type.DNSKEY, m, List.of(), false)));
    }

    /** One server line for the zone, anchored at it, that gave {@code reply} with {@code status}. */
    static Trace trace(Question question, Status status, Message reply) {
        TraceNode node = new TraceNode("ns1.example", SERVER, ZONE, Verdict.of(status),
                new Exchange(new ServerAddress(SERVER, 53), question.name(), question.type(), reply, List.of(), false),
                List.of());
        return new Trace(new StartServer("ns1.example", SERVER, ZONE), 3, 53,
                List.of(new Section(question, null, node)), List.of(), new TraceStats(1, 0));
    }

    /** The verdict on that one line. */
    NodeDnssec validate(Question question, Status status, Message reply) throws Exception {
        Trace trace = trace(question, status, reply);
        DnssecReport report = ChainValidator.validate(trace, keys(), anchor(), AT);
        return report.of(trace.sections().get(0).root());
    }

    private static InetAddress address(String literal) {
        try {
            return Address.getByAddress(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
