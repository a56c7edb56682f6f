package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.dnstracer.model.Question;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The same replies give the same tree, whatever order they arrive in. */
class TraceDeterminismTest {
    private static final int SEEDS = 6;
    private static final int MAX_JITTER_MILLIS = 15;

    static List<Arguments> scenarios() {
        return List.of(
                Arguments.of("healthy", (Supplier<FakeNetwork>) Scenarios::healthy, Scenarios.request("www.example.com"),
                        "ns2.example.com [example.com] (127.0.2.2) (cached)"),
                Arguments.of("glueless with a glued sibling", (Supplier<FakeNetwork>) TraceDeterminismTest::glueless,
                        Scenarios.request("www.example.com"),
                        "ns.dns-host.net [example.com] (127.0.2.2) Got authoritative answer"),
                Arguments.of("glueless delegation loop", (Supplier<FakeNetwork>) TraceDeterminismTest::gluelessLoop,
                        Scenarios.request("www.example.com"), "ns.a.net [example.com] (No IP address)"),
                Arguments.of("query budget spent", (Supplier<FakeNetwork>) TraceDeterminismTest::glueless,
                        withLimits(Scenarios.request("www.example.com"), Limits.defaults().withMaxQueries(4)),
                        "b.gtld.test [com] (127.0.1.2) [query limit reached, not asked]"),
                Arguments.of("query budget spent inside a look-up",
                        (Supplier<FakeNetwork>) TraceDeterminismTest::glueless,
                        withLimits(Scenarios.request("www.example.com"), Limits.defaults().withMaxQueries(3)),
                        "ns1.example.com [example.com] (127.0.2.1) [query limit reached, not asked]"),
                Arguments.of("-C with a silent server and a CNAME", (Supplier<FakeNetwork>) TraceDeterminismTest::cnameWithSilentServer,
                        Scenarios.request("www.example.com", Type.A, true, true, IpFamily.ANY),
                        "ns2.example.com [example.com] (127.0.2.2) (cached) [timeout]"),
                Arguments.of("-c without cache", (Supplier<FakeNetwork>) TraceDeterminismTest::glueless,
                        Scenarios.request("www.example.com", Type.A, false, false, IpFamily.ANY),
                        "\\___ ns.dns-host.net [example.com] (127.0.2.2) Got authoritative answer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void treeIsIdenticalWhateverTheOrderOfReplies(String name, Supplier<FakeNetwork> network, TraceRequest request,
            String expected) {
        String reference = TracerTest.tree(new Tracer(network.get()).run(request, TraceListener.NONE));
        assertThat(reference).contains(expected);
        for (long seed = 1; seed <= SEEDS; seed++) {
            FakeNetwork shuffled = network.get().jitter(seed, MAX_JITTER_MILLIS);
            String tree = TracerTest.tree(new Tracer(shuffled).run(request, TraceListener.NONE));
            assertThat(tree).as("seed %d", seed).isEqualTo(reference);
        }
    }

    static TraceRequest withLimits(TraceRequest r, Limits limits) {
        return new TraceRequest(r.question(), r.start(), r.port(), r.family(), r.cache(), r.negativeCache(),
                r.followCname(), limits, r.rootHints(), r.tries());
    }

    /** example.com has ns1 (glued) and ns.dns-host.net (glueless, served by 127.0.3.1 under net). */
    static FakeNetwork glueless() {
        FakeNetwork net = Scenarios.healthy();
        net.server("127.0.0.1", q -> q.name().toString().endsWith("net.")
                ? Replies.referral(q, "net. 172800 IN NS a.nic.test.", "a.nic.test. 3600 IN A 127.0.3.1")
                : Replies.referral(q, "com. 172800 IN NS a.gtld.test.", "com. 172800 IN NS b.gtld.test.",
                        "a.gtld.test. 172800 IN A 127.0.1.1", "b.gtld.test. 172800 IN A 127.0.1.2"));
        for (String tld : List.of("127.0.1.1", "127.0.1.2")) {
            net.server(tld, q -> Replies.referral(q, "example.com. 172800 IN NS ns.dns-host.net.",
                    "example.com. 172800 IN NS ns1.example.com.", "ns1.example.com. 172800 IN A 127.0.2.1"));
        }
        net.server("127.0.3.1", q -> q.type() == Type.A
                ? Replies.answer(q, "ns.dns-host.net. 300 IN A 127.0.2.2")
                : Replies.nodata(q, "dns-host.net. 300 IN SOA a.nic.test. h.dns-host.net. 1 2 3 4 5"));
        return net;
    }

    /**
     * example.com is served by ns.a.net (glueless) and ns1.example.com (glued); a.net's only name server is ns.b.net
     * and b.net's is ns.a.net, neither with glue: a loop that the look-up must cut the same way every time.
     */
    static FakeNetwork gluelessLoop() {
        FakeNetwork net = glueless();
        for (String tld : List.of("127.0.1.1", "127.0.1.2")) {
            net.server(tld, q -> Replies.referral(q, "example.com. 172800 IN NS ns.a.net.",
                    "example.com. 172800 IN NS ns1.example.com.", "ns1.example.com. 172800 IN A 127.0.2.1"));
        }
        net.server("127.0.3.1", q -> q.name().toString().endsWith("a.net.")
                ? Replies.referral(q, "a.net. 3600 IN NS ns.b.net.")
                : Replies.referral(q, "b.net. 3600 IN NS ns.a.net."));
        return net;
    }

    /** ns2 is silent; www is a CNAME to web in the same zone, so ns2 is met again in the second section. */
    static FakeNetwork cnameWithSilentServer() {
        FakeNetwork net = Scenarios.healthy().server("127.0.2.2", q -> null);
        net.server("127.0.2.1", TraceDeterminismTest::cnameZone);
        return net;
    }

    private static Message cnameZone(Question q) {
        return switch (q.name().toString()) {
            case "www.example.com." -> Replies.answer(q, "www.example.com. 300 IN CNAME web.example.com.");
            case "web.example.com." -> Replies.answer(q, "web.example.com. 300 IN A 192.0.2.81");
            default -> Replies.rcode(q, Rcode.NXDOMAIN);
        };
    }
}
