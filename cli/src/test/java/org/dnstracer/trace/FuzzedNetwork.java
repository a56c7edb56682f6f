package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dnstracer.model.Question;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.FuzzChoices;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A {@link FakeNetwork} whose servers a fuzzer scripts: for each of {@link #ADDRESSES}, silence, a transport
 * failure, a transport that throws, or replies built from records over a small vocabulary of names (so that
 * referrals, glue in and out of bailiwick, CNAME chains and loops are all a few mutations away). Every choice is
 * made before the run; the servers answer with pure functions of the question, so the same bytes give the same
 * replies on any thread.
 *
 * <p>Layout of the bytes, per address in order: mode ({@link Mode}); for a replying server, the number of
 * scripts (1 or 2: the second answers every question but the user's one, such as the look-ups of glueless
 * names), then per script: flags (bit 0 AA, bit 1 TC), rcode index ({@link #RCODES}), record count, and per record
 * section, owner index, kind ({@link Kind}) and the kind's operands.
 */
final class FuzzedNetwork {
    /** Every server address there is; the root hints name the first. */
    static final List<String> ADDRESSES = List.of("127.0.0.1", "127.0.1.1", "127.0.1.2", "127.0.2.1", "127.0.2.2",
            "127.0.3.1", "127.0.3.2", "::1");

    /** Names records are made of; the last two stand for the name asked and its parent. */
    static final List<String> NAMES = List.of(".", "com.", "example.com.", "www.example.com.", "alias.example.com.",
            "sub.example.com.", "ns1.example.com.", "ns2.example.com.", "a.gtld.test.", "test.", "ns.other.test.",
            "ns.sub.example.com.", "loop.example.com.", "WWW.Example.COM.", "QNAME", "PARENT");
    static final int QNAME = 14;
    static final int PARENT = 15;

    static final int[] RCODES = {Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.SERVFAIL, Rcode.REFUSED, Rcode.NOTAUTH,
        Rcode.FORMERR, Rcode.NOTIMP, Rcode.YXDOMAIN};

    static final String THROWN = "fuzz: the transport throws";

    enum Mode { SILENT, UNREACHABLE, MALFORMED, THROWS, REPLIES, REPLIES_2, REPLIES_3, REPLIES_4 }

    /** Record kinds; FAN is a whole NS set ({@code ns1..nsN} under the owner or under other.test), with glue. */
    enum Kind { A, AAAA, NS, CNAME, SOA, TXT, MX, DNAME, FAN }

    private record Op(int section, int owner, Kind kind, int operand, int count, int glue) {}

    private record Script(boolean aa, boolean tc, int rcode, List<Op> ops) {}

    private FuzzedNetwork() {}

    /** Reads the servers from {@code choices} into a new network (tries: the attempts a silent server shows). */
    static FakeNetwork read(FuzzChoices choices, Question asked, int tries) {
        FakeNetwork net = new FakeNetwork(tries);
        for (String address : ADDRESSES) {
            Mode mode = Mode.values()[choices.next(Mode.values().length)];
            switch (mode) {
                case SILENT -> { }
                case UNREACHABLE -> net.failing(address, AttemptResult.UNREACHABLE);
                case MALFORMED -> net.failing(address, AttemptResult.MALFORMED);
                case THROWS -> net.throwing(address, new IllegalStateException(THROWN));
                default -> {
                    int count = 1 + choices.next(2);
                    List<Script> scripts = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        scripts.add(script(choices));
                    }
                    net.server(address, q -> reply(scripts.size() > 1 && !sameQuestion(q, asked) ? scripts.get(1)
                            : scripts.get(0), q));
                }
            }
        }
        return net;
    }

    private static boolean sameQuestion(Question q, Question asked) {
        return q.name().equals(asked.name()) && q.type() == asked.type();
    }

    private static Script script(FuzzChoices choices) {
        int flags = choices.next(4);
        int rcode = RCODES[choices.next(RCODES.length)];
        int n = choices.next(8);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int section = choices.next(3);
            int owner = choices.next(NAMES.size());
            Kind kind = Kind.values()[choices.next(Kind.values().length)];
            int operand = choices.next(NAMES.size());
            int count = kind == Kind.FAN ? 1 + choices.next(40) : 1;
            int glue = kind == Kind.FAN ? choices.next(3) : 0;
            ops.add(new Op(section, owner, kind, operand, count, glue));
        }
        return new Script((flags & 1) != 0, (flags & 2) != 0, rcode, List.copyOf(ops));
    }

    private static Message reply(Script script, Question q) {
        Message m = new Message();
        m.getHeader().setFlag(Flags.QR);
        if (script.aa()) {
            m.getHeader().setFlag(Flags.AA);
        }
        if (script.tc()) {
            m.getHeader().setFlag(Flags.TC);
        }
        m.getHeader().setRcode(script.rcode());
        m.addRecord(Record.newRecord(q.name(), q.type(), DClass.IN), Section.QUESTION);
        for (Op op : script.ops()) {
            int section = op.section() == 0 ? Section.ANSWER : op.section() == 1 ? Section.AUTHORITY : Section.ADDITIONAL;
            Name owner = name(op.owner(), q);
            for (Record r : records(op, owner, q)) {
                // NS sets go to authority and their glue to additional, wherever the op was placed
                m.addRecord(r, op.kind() == Kind.FAN ? (r.getType() == Type.NS ? Section.AUTHORITY : Section.ADDITIONAL)
                        : section);
            }
        }
        return m;
    }

    private static List<Record> records(Op op, Name owner, Question q) {
        Name target = name(op.operand(), q);
        long ttl = 300;
        return switch (op.kind()) {
            case A -> List.of(new ARecord(owner, DClass.IN, ttl, v4(op.operand())));
            case AAAA -> List.of(new AAAARecord(owner, DClass.IN, ttl, FakeNetwork.ip(op.operand() % 2 == 0 ? "::1"
                    : "2001:db8::53")));
            case NS -> List.of(new NSRecord(owner, DClass.IN, ttl, target));
            case CNAME -> List.of(new CNAMERecord(owner, DClass.IN, ttl, target));
            case SOA -> List.of(new SOARecord(owner, DClass.IN, ttl, target, name(9, q), 1, 3600, 900, 604800, 300));
            case TXT -> List.of(new TXTRecord(owner, DClass.IN, ttl, "fuzz \"text\" \u00e9"));
            case MX -> List.of(new MXRecord(owner, DClass.IN, ttl, 10, target));
            case DNAME -> List.of(new DNAMERecord(owner, DClass.IN, ttl, target));
            case FAN -> fan(op, owner);
        };
    }

    /** {@code count} NS records for {@code owner}; glue 0: none, 1: for every name, 2: for every other name. */
    private static List<Record> fan(Op op, Name owner) {
        List<Record> records = new ArrayList<>();
        List<Record> glue = new ArrayList<>();
        Name under = op.operand() % 2 == 0 ? owner : constant("other.test.");
        for (int i = 1; i <= op.count(); i++) {
            Name ns = concatenate("ns" + i, under);
            records.add(new NSRecord(owner, DClass.IN, 300, ns));
            if (op.glue() == 1 || op.glue() == 2 && i % 2 == 0) {
                glue.add(new ARecord(ns, DClass.IN, 300, v4(op.operand() + i)));
            }
        }
        records.addAll(glue);
        return records;
    }

    /** An IPv4 address of the network (the servers and one address nobody serves), chosen by {@code n}. */
    private static InetAddress v4(int n) {
        int i = n % ADDRESSES.size();
        return FakeNetwork.ip(i == ADDRESSES.size() - 1 ? "127.0.9.9" : ADDRESSES.get(i));
    }

    static Name name(int index, Question q) {
        if (index == QNAME) {
            return q.name();
        }
        if (index == PARENT) {
            return q.name().labels() > 1 ? new Name(q.name(), 1) : Name.root;
        }
        return constant(NAMES.get(index));
    }

    private static Name constant(String text) {
        return Name.fromConstantString(text);
    }

    private static Name concatenate(String label, Name origin) {
        try {
            return Name.fromString(label.toLowerCase(Locale.ROOT), origin);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
