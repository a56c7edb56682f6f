package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * A trace started at a server below the root (by address: its zone learned from its reply's signer), validated from
 * the root anchor through the trace of the start zone's DS from the root hints ({@link FetchedKeys#above()}), as
 * {@code -s .} would: what the parent's servers say of that DS decides what the start zone starts from.
 */
class StartZoneAboveTest {
    private static final TestZone ROOT = new TestZone(".");
    private static final TestZone EXAMPLE = new TestZone("example.");
    private static final TestZone SUB = new TestZone("sub.example.");
    private static final InetAddress ROOT_IP = ip("127.0.0.1");
    private static final InetAddress OTHER_ROOT_IP = ip("127.0.0.3");
    private static final InetAddress EXAMPLE_IP = ip("127.0.0.2");
    private static final InetAddress START_IP = ip("127.0.0.4");

    private final Map<ServerZone, Exchange> keys = new HashMap<>();

    private static InetAddress ip(String literal) {
        try {
            return Address.getByAddress(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Message reply(Name qname, int qtype, boolean aa, RRset... answer) {
        Message m = new Message();
        m.getHeader().setFlag(Flags.QR);
        if (aa) {
            m.getHeader().setFlag(Flags.AA);
        }
        m.addRecord(Record.newRecord(qname, qtype, DClass.IN), org.xbill.DNS.Section.QUESTION);
        add(m, org.xbill.DNS.Section.ANSWER, answer);
        return m;
    }

    private static void add(Message m, int section, RRset... sets) {
        for (RRset s : sets) {
            s.rrs(false).forEach(r -> m.addRecord(r, section));
            s.sigs().forEach(r -> m.addRecord(r, section));
        }
    }

    private static Exchange exchange(InetAddress address, Message reply) {
        org.xbill.DNS.Record q = reply.getQuestion();
        return new Exchange(new ServerAddress(address, 53), q.getName(), q.getType(), reply, List.of(), false);
    }

    private void keysOf(InetAddress address, TestZone zone) {
        keys.put(new ServerZone(address, zone.name),
                exchange(address, reply(zone.name, Type.DNSKEY, true, zone.dnskeys())));
    }

    /** The start server, given by address (no zone): its signed answer for www.{zone}. */
    private static Trace started(TestZone zone) {
        Name www = Name.fromConstantString("www." + zone.name);
        RRset a = zone.sign(new ARecord(www, DClass.IN, 300, ip("192.0.2.1")));
        TraceNode start = new TraceNode("127.0.0.4", START_IP, null, Verdict.of(Status.AUTHORITATIVE_ANSWER),
                exchange(START_IP, reply(www, Type.A, true, a)), List.of());
        return new Trace(new StartServer("127.0.0.4", START_IP, null), 3, 53,
                List.of(new Section(new Question(www, Type.A), null, start)), List.of(), new TraceStats(1, 0));
    }

    /** A root server's authoritative reply to "{zone} DS", as the trace from the root hints gets it. */
    private static TraceNode rootAnswering(InetAddress address, Name zone, Status status, Message reply) {
        return new TraceNode("a.root", address, Name.root, Verdict.of(status), exchange(address, reply), List.of());
    }

    private static Trace above(Name zone, int queries, TraceNode... roots) {
        List<Section> sections = new ArrayList<>();
        for (TraceNode root : roots) {
            sections.add(new Section(new Question(zone, Type.DS), null, root));
        }
        return new Trace(new StartServer("a.root", ROOT_IP, Name.root), 3, 53, sections, List.of(),
                new TraceStats(queries, 0));
    }

    /** Validates with the key of {@code anchor} as the only trust anchor. */
    private DnssecReport validate(Trace trace, Name zone, Trace above, TestZone anchor) throws Exception {
        Map<Name, Trace> traced = new LinkedHashMap<>();
        traced.put(zone, above);
        return ChainValidator.validate(trace, new FetchedKeys(keys, traced),
                TrustAnchors.of(List.of(anchor.ds()), "test"), TestZone.NOW);
    }

    private static TraceNode signedDs(InetAddress address) {
        return rootAnswering(address, EXAMPLE.name, Status.AUTHORITATIVE_ANSWER,
                reply(EXAMPLE.name, Type.DS, true, ROOT.sign(EXAMPLE.ds())));
    }

    private static TraceNode unsignedDs(InetAddress address) {
        return rootAnswering(address, EXAMPLE.name, Status.AUTHORITATIVE_ANSWER,
                reply(EXAMPLE.name, Type.DS, true, new RRset(EXAMPLE.ds())));
    }

    private static NodeDnssec startVerdict(DnssecReport report, Trace trace) {
        return report.of(trace.sections().get(0).root());
    }

    @Test
    void aStartZoneIsValidatedFromTheRootAnchorThroughTheDsItsParentServed() throws Exception {
        keysOf(ROOT_IP, ROOT);
        keysOf(START_IP, EXAMPLE);
        Trace trace = started(EXAMPLE);
        DnssecReport report = validate(trace, EXAMPLE.name, above(EXAMPLE.name, 1, signedDs(ROOT_IP)), ROOT);
        assertThat(startVerdict(report, trace).text()).isEqualTo("secure");
        assertThat(DnssecReport.chainText(report.chains().get(0))).isEqualTo(". (" + ROOT.key.getFootprint()
                + " ECDSAP256SHA256) secure -> example (" + EXAMPLE.key.getFootprint() + " ECDSAP256SHA256) secure");
        assertThat(report.problems()).isEmpty();
        // two DNSKEY queries (the root's, the start server's) and the one query of the trace above
        assertThat(report.dnskeyQueries()).isEqualTo(3);
    }

    @Test
    void aParentThatProvesTheStartZoneHasNoDsMakesItInsecure() throws Exception {
        keysOf(ROOT_IP, ROOT);
        keysOf(START_IP, EXAMPLE);
        Message nodata = reply(EXAMPLE.name, Type.DS, true);
        Name a = Name.fromConstantString("a.root.");
        add(nodata, org.xbill.DNS.Section.AUTHORITY,
                ROOT.sign(new SOARecord(Name.root, DClass.IN, 300, a, a, 1, 2, 3, 4, 300)),
                ROOT.sign(new NSECRecord(EXAMPLE.name, DClass.IN, 300, Name.fromConstantString("zz."),
                        new int[] {Type.NS, Type.RRSIG, Type.NSEC})));
        Trace trace = started(EXAMPLE);
        DnssecReport report = validate(trace, EXAMPLE.name,
                above(EXAMPLE.name, 1, rootAnswering(ROOT_IP, EXAMPLE.name, Status.AUTHORITATIVE_NODATA, nodata)),
                ROOT);
        assertThat(startVerdict(report, trace).text()).isEqualTo("insecure: no DS for example (denial from .)");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void aBogusDsFromTheParentBreaksTheChainAtTheParent() throws Exception {
        keysOf(ROOT_IP, ROOT);
        keysOf(START_IP, EXAMPLE);
        Trace trace = started(EXAMPLE);
        DnssecReport report = validate(trace, EXAMPLE.name, above(EXAMPLE.name, 1, unsignedDs(ROOT_IP)), ROOT);
        assertThat(startVerdict(report, trace).text()).isEqualTo("bogus: chain of trust broken at .");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(DnssecProblemCode.DNSSEC_MISSING_RRSIG);
            assertThat(p.address()).isEqualTo(ROOT_IP);
        });
    }

    @Test
    void oneParentServerSayingTheDsSecurelyIsEnoughAndTheOthersFaultsAreStillReported() throws Exception {
        keysOf(ROOT_IP, ROOT);
        keysOf(OTHER_ROOT_IP, ROOT);
        keysOf(START_IP, EXAMPLE);
        Trace trace = started(EXAMPLE);
        DnssecReport report = validate(trace, EXAMPLE.name,
                above(EXAMPLE.name, 2, unsignedDs(OTHER_ROOT_IP), signedDs(ROOT_IP)), ROOT);
        assertThat(startVerdict(report, trace).text()).isEqualTo("secure");
        assertThat(report.problems()).extracting(DnssecProblem::code, DnssecProblem::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DnssecProblemCode.DNSSEC_MISSING_RRSIG,
                        OTHER_ROOT_IP));
        assertThat(report.dnskeyQueries()).isEqualTo(3 + 2);
    }

    @Test
    void aParentServerWhoseKeysCouldNotBeFetchedLeavesTheStartZoneIndeterminate() throws Exception {
        keysOf(START_IP, EXAMPLE);
        Trace trace = started(EXAMPLE);
        DnssecReport report = validate(trace, EXAMPLE.name, above(EXAMPLE.name, 1, signedDs(ROOT_IP)), ROOT);
        assertThat(startVerdict(report, trace).text()).isEqualTo("indeterminate: no DNSKEY reply");
    }

    /** Root -> example (its DS as given) -> example's server answering "sub.example DS" (signed by example). */
    private Trace twoLevelsAbove(RRset exampleDs) {
        Message referral = reply(SUB.name, Type.DS, false);
        add(referral, org.xbill.DNS.Section.AUTHORITY,
                new RRset(new NSRecord(EXAMPLE.name, DClass.IN, 300, Name.fromConstantString("ns.example."))),
                exampleDs);
        TraceNode exampleServer = new TraceNode("ns.example", EXAMPLE_IP, EXAMPLE.name,
                Verdict.of(Status.AUTHORITATIVE_ANSWER),
                exchange(EXAMPLE_IP, reply(SUB.name, Type.DS, true, EXAMPLE.sign(SUB.ds()))), List.of());
        TraceNode root = new TraceNode("a.root", ROOT_IP, Name.root, Verdict.referral(Status.REFERRAL, EXAMPLE.name),
                exchange(ROOT_IP, referral), List.of(exampleServer));
        return above(SUB.name, 2, root);
    }

    @Test
    void aChainBrokenAboveTheStartZonesParentIsNamedWhereItBroke() throws Exception {
        keysOf(ROOT_IP, ROOT);
        keysOf(EXAMPLE_IP, EXAMPLE);
        keysOf(START_IP, SUB);
        Trace trace = started(SUB);
        // the root's DS for example is unsigned: example's server is bogus below it, and so is sub.example, broken
        // at the root (not at example, whose own data is fine)
        DnssecReport report = validate(trace, SUB.name, twoLevelsAbove(new RRset(EXAMPLE.ds())), ROOT);
        assertThat(startVerdict(report, trace).text()).isEqualTo("bogus: chain of trust broken at .");
    }

    @Test
    void withAnAnchorBelowTheRootTheZonesAboveItNeedNoneAndTheReferringLineIsNotTheParentsWord() throws Exception {
        keysOf(ROOT_IP, ROOT);
        keysOf(EXAMPLE_IP, EXAMPLE);
        keysOf(START_IP, SUB);
        Trace trace = started(SUB);
        DnssecReport report = validate(trace, SUB.name, twoLevelsAbove(ROOT.sign(EXAMPLE.ds())),
                EXAMPLE);
        // example's server, checked from the anchor, said the DS of sub.example; the root line (no anchor) said
        // nothing about it
        assertThat(startVerdict(report, trace).text()).isEqualTo("secure");
        assertThat(report.problems()).isEmpty();
        assertThat(DnssecReport.chainText(report.chains().get(0))).endsWith("-> example (" + EXAMPLE.key.getFootprint()
                + " ECDSAP256SHA256) secure -> sub.example (" + SUB.key.getFootprint() + " ECDSAP256SHA256) secure");
    }
}
