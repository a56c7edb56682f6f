package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.dnstracer.model.LameReason;
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
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** The DNSKEY queries after a trace: one per (address, zone) that referred or answered, none for the rest. */
class DnskeyFetcherTest {
    private static final Name EXAMPLE = Name.fromConstantString("example.");
    private static final Name WWW = Name.fromConstantString("www.example.");

    private static TraceNode node(String address, Name zone, Verdict verdict, List<TraceNode> children) {
        InetAddress ip = FakeNetwork.ip(address);
        Message reply = new Message();
        reply.getHeader().setFlag(Flags.QR);
        return new TraceNode("ns " + address, ip, zone, verdict,
                new Exchange(new ServerAddress(ip, 53), WWW, Type.A, reply, List.of(), false), children);
    }

    @Test
    void eachServerIsAskedForEachOfItsZonesOnceAndLameOrCachedLinesNotAtAll() {
        TraceNode answer = node("127.0.0.2", EXAMPLE, Verdict.of(Status.AUTHORITATIVE_ANSWER), List.of());
        TraceNode sameAgain = node("127.0.0.2", EXAMPLE, Verdict.of(Status.AUTHORITATIVE_ANSWER), List.of());
        TraceNode lame = node("127.0.0.3", EXAMPLE, Verdict.lame(LameReason.REFUSED), List.of());
        TraceNode cached = new TraceNode("ns 127.0.0.4", FakeNetwork.ip("127.0.0.4"), EXAMPLE, Verdict.of(Status.CACHED),
                null, List.of());
        TraceNode root = node("127.0.0.1", Name.root, Verdict.referral(Status.REFERRAL, EXAMPLE),
                List.of(answer, sameAgain, lame, cached));
        Trace trace = new Trace(new StartServer("root", FakeNetwork.ip("127.0.0.1"), Name.root), 1, 53,
                List.of(new Section(new Question(WWW, Type.A), null, root)), List.of(), new TraceStats(5, 0));
        try (FakeNetwork network = new FakeNetwork(1)) {
            network.server("127.0.0.1", q -> new Message()).server("127.0.0.2", q -> new Message());
            FetchedKeys keys = DnskeyFetcher.fetch(trace, network);
            assertThat(network.queriesTo("127.0.0.1")).isOne();
            assertThat(network.queriesTo("127.0.0.2")).isOne();
            assertThat(network.queriesTo("127.0.0.3")).isZero();
            assertThat(network.queriesTo("127.0.0.4")).isZero();
            assertThat(network.queries()).allSatisfy(q -> assertThat(q).endsWith("DNSKEY"));
            assertThat(keys.exchanges()).containsOnlyKeys(new ServerZone(FakeNetwork.ip("127.0.0.1"), Name.root),
                    new ServerZone(FakeNetwork.ip("127.0.0.2"), EXAMPLE));
        }
    }

    /** A start server given by address (no zone), whose answer example's key signed. */
    private static Trace startedAtExamplesServer() {
        InetAddress ip = FakeNetwork.ip("127.0.0.4");
        Message reply = new Message();
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        reply.addRecord(org.xbill.DNS.Record.newRecord(WWW, Type.A, DClass.IN), org.xbill.DNS.Section.QUESTION);
        org.xbill.DNS.RRset answer = SIGNER.sign(new ARecord(WWW, DClass.IN, 300, FakeNetwork.ip("192.0.2.1")));
        answer.rrs(false).forEach(r -> reply.addRecord(r, org.xbill.DNS.Section.ANSWER));
        answer.sigs().forEach(r -> reply.addRecord(r, org.xbill.DNS.Section.ANSWER));
        TraceNode start = new TraceNode("127.0.0.4", ip, null, Verdict.of(Status.AUTHORITATIVE_ANSWER),
                new Exchange(new ServerAddress(ip, 53), WWW, Type.A, reply, List.of(), false), List.of());
        return new Trace(new StartServer("127.0.0.4", ip, null), 1, 53,
                List.of(new Section(new Question(WWW, Type.A), null, start)), List.of(), new TraceStats(1, 0));
    }

    private static final TestZone SIGNER = new TestZone("example.");

    private static List<String> fetchedWith(TrustAnchors anchors, boolean withRequest) {
        return fetchedWith(startedAtExamplesServer(), anchors, withRequest);
    }

    private static List<String> fetchedWith(Trace trace, TrustAnchors anchors, boolean withRequest) {
        try (FakeNetwork network = new FakeNetwork(1)) {
            network.server("127.0.0.1", q -> q.type() == Type.DS
                    ? Replies.answer(q, "example. 3600 IN DS " + SIGNER.ds().rdataToString()) : new Message())
                    .server("127.0.0.4", q -> new Message());
            FetchedKeys keys = DnskeyFetcher.fetch(trace, network,
                    withRequest ? Scenarios.request("www.example") : null, withRequest ? anchors : null);
            List<String> out = new java.util.ArrayList<>(network.queries());
            out.add("above " + keys.above().keySet());
            return out;
        }
    }

    @Test
    void aStartZoneBelowTheAnchorHasItsDsTracedFromTheRootHintsAndThoseServersKeysFetched() throws Exception {
        TrustAnchors root = TrustAnchors.of(List.of(new TestZone(".").ds()), "test");
        // the start server's zone (example., learned from its answer's signer) is asked for its DS at the root
        // hints' server, whose own keys are then fetched too
        assertThat(fetchedWith(root, true)).containsExactlyInAnyOrder("127.0.0.1 example. DS",
                "127.0.0.4 example. DNSKEY", "127.0.0.1 . DNSKEY", "above [example.]");
        // without a request (no root hints) nothing is traced
        assertThat(fetchedWith(root, false)).containsExactly("127.0.0.4 example. DNSKEY", "above []");
    }

    @Test
    void noTraceAboveAStartZoneThatHasItsOwnAnchorOrNoAnchorAboveIt() throws Exception {
        TrustAnchors own = TrustAnchors.of(List.of(new TestZone(".").ds(), SIGNER.ds()), "test");
        assertThat(fetchedWith(own, true)).containsExactly("127.0.0.4 example. DNSKEY", "above []");
        TrustAnchors elsewhere = TrustAnchors.of(List.of(new TestZone("org.").ds()), "test");
        assertThat(fetchedWith(elsewhere, true)).containsExactly("127.0.0.4 example. DNSKEY", "above []");
    }

    /** A resolver given with -s: its lines are not checked, the servers it led to are, and their zone traced above. */
    @Test
    void theZoneOfTheServersAResolverStartLedToIsTracedFromTheRootHints() throws Exception {
        Trace direct = startedAtExamplesServer();
        TraceNode server = direct.sections().get(0).root();
        InetAddress resolverIp = FakeNetwork.ip("127.0.0.9");
        Message cached = new Message();
        cached.getHeader().setFlag(Flags.QR);
        TraceNode resolver = new TraceNode("127.0.0.9", resolverIp, null,
                Verdict.of(Status.ANSWER).foundThroughResolver(EXAMPLE),
                new Exchange(new ServerAddress(resolverIp, 53), WWW, Type.A, cached, List.of(), false),
                List.of(server));
        Trace viaResolver = new Trace(new StartServer("127.0.0.9", resolverIp, null), 1, 53,
                List.of(new Section(new Question(WWW, Type.A), null, resolver)), List.of(), new TraceStats(2, 0));
        TrustAnchors root = TrustAnchors.of(List.of(new TestZone(".").ds()), "test");
        assertThat(fetchedWith(viaResolver, root, true)).containsExactlyInAnyOrder("127.0.0.1 example. DS",
                "127.0.0.4 example. DNSKEY", "127.0.0.1 . DNSKEY", "above [example.]");
    }
}

