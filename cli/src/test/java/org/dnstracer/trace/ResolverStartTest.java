package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.testkit.FakeNetwork.ip;

import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** A start server that answers like today's local resolvers still leads to the authoritative servers. */
class ResolverStartTest {
    private static final String RESOLVER = "127.0.0.9";

    private static TraceRequest fromResolver(String name) {
        TraceRequest r = Scenarios.request(name);
        return new TraceRequest(r.question(), new StartServer(RESOLVER, ip(RESOLVER), null), r.port(), r.family(),
                r.cache(), r.negativeCache(), r.followCname(), r.limits(), r.rootHints(), r.tries());
    }

    /** What a recursive resolver with minimal responses says about the healthy hierarchy, with RD=1. */
    private static Message recursion(Question q) {
        String name = q.name().toString();
        if (q.type() == Type.SOA) {
            return name.equals("example.com.")
                    ? Replies.nonAuthoritativeAnswer(q, Scenarios.SOA)
                    : Replies.withoutAa(Replies.nodata(q, Scenarios.SOA));
        }
        if (q.type() == Type.NS && name.equals("example.com.")) {
            return Replies.nonAuthoritativeAnswer(q, "example.com. 300 IN NS ns1.example.com.",
                    "example.com. 300 IN NS ns2.example.com.");
        }
        if (q.type() == Type.A && name.equals("ns1.example.com.")) {
            return Replies.nonAuthoritativeAnswer(q, "ns1.example.com. 300 IN A 127.0.2.1");
        }
        if (q.type() == Type.A && name.equals("ns2.example.com.")) {
            return Replies.nonAuthoritativeAnswer(q, "ns2.example.com. 300 IN A 127.0.2.2");
        }
        return Replies.withoutAa(Replies.nodata(q, Scenarios.SOA));
    }

    @Test
    void aStubThatAnswersWithoutAuthorityIsAskedForTheZonesServers() {
        FakeNetwork net = Scenarios.healthy()
                .server(RESOLVER, q -> Replies.nonAuthoritativeAnswer(q, "www.example.com. 300 IN A 192.0.2.80"))
                .recursive(RESOLVER, ResolverStartTest::recursion);
        Trace trace = new Tracer(net).run(fromResolver("www.example.com"), TraceListener.NONE);
        assertThat(TracerTest.tree(trace)).startsWith("""
                Tracing to www.example.com[A] via 127.0.0.9, maximum of 3 retries
                127.0.0.9 (127.0.0.9) Got answer [no referral; servers of example.com found through it]\s
                 |\\___ ns1.example.com [example.com] (127.0.2.1) Got authoritative answer\s
                  \\___ ns2.example.com [example.com] (127.0.2.2) Got authoritative answer\s
                """);
        assertThat(trace.anyAuthoritative()).isTrue();
        assertThat(net.queries()).contains("127.0.0.9 www.example.com. SOA +rd",
                "127.0.0.9 example.com. NS +rd", "127.0.0.9 ns1.example.com. A +rd");
    }

    @Test
    void aResolverThatRefusesQueriesWithoutRecursionIsAskedWithRecursion() {
        FakeNetwork net = Scenarios.healthy()
                .server(RESOLVER, q -> Replies.rcode(q, Rcode.REFUSED))
                .recursive(RESOLVER, ResolverStartTest::recursion);
        Trace trace = new Tracer(net).run(fromResolver("www.example.com"), TraceListener.NONE);
        TraceNode start = trace.sections().get(0).root();
        assertThat(start.status()).isEqualTo(Status.SERVER_ERROR);
        assertThat(start.children()).hasSize(2).allMatch(n -> n.status() == Status.AUTHORITATIVE_ANSWER);
        assertThat(TracerTest.tree(trace))
                .contains("127.0.0.9 (127.0.0.9) Error [REFUSED] [no referral; servers of example.com found through it] ");
    }

    @Test
    void aResolverThatWillNotSayEitherEndsTheTraceAtItsOwnLine() {
        FakeNetwork net = Scenarios.healthy()
                .server(RESOLVER, q -> Replies.rcode(q, Rcode.REFUSED))
                .recursive(RESOLVER, q -> Replies.rcode(q, Rcode.REFUSED));
        Trace trace = new Tracer(net).run(fromResolver("www.example.com"), TraceListener.NONE);
        assertThat(trace.sections().get(0).root().children()).isEmpty();
        assertThat(trace.anyAuthoritative()).isFalse();
    }

    @Test
    void aResolverThatGivesAReferralIsFollowedWithoutAskingRecursively() {
        FakeNetwork net = Scenarios.healthy().server(RESOLVER, q -> {
            Message m = Replies.nonAuthoritativeAnswer(q, "www.example.com. 300 IN A 192.0.2.80");
            m.addRecord(Replies.rr("example.com. 3600 IN NS ns1.example.com."), org.xbill.DNS.Section.AUTHORITY);
            m.addRecord(Replies.rr("ns1.example.com. 3600 IN A 127.0.2.1"), org.xbill.DNS.Section.ADDITIONAL);
            return m;
        });
        new Tracer(net).run(fromResolver("www.example.com"), TraceListener.NONE);
        assertThat(net.queries()).noneMatch(q -> q.endsWith("+rd"));
    }
}
