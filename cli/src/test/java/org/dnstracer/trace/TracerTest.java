package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.testkit.FakeNetwork.ip;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dnstracer.model.LameReason;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.render.Trailer;
import org.dnstracer.render.TreePrinter;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class TracerTest {
    private static final String SOA = Scenarios.SOA;

    static FakeNetwork healthy() {
        return Scenarios.healthy();
    }

    static TraceRequest request(String name, int type, boolean cache, boolean negative, IpFamily family) {
        return Scenarios.request(name, type, cache, negative, family);
    }

    static TraceRequest request(String name) {
        return Scenarios.request(name);
    }

    static String tree(Trace trace) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        TreePrinter.render(trace, false, out);
        Trailer.render(trace, true, out);
        out.flush();
        return text.toString();
    }

    @Test
    void followsEveryServerInReferralOrderAndShowsRepeatsAsCached() throws Exception {
        FakeNetwork net = healthy();
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(tree(trace)).isEqualTo("""
                Tracing to www.example.com[A] via a.root.test, maximum of 3 retries
                a.root.test [.] (127.0.0.1)\s
                 |\\___ a.gtld.test [com] (127.0.1.1)\s
                 |     |\\___ ns1.example.com [example.com] (127.0.2.1) Got authoritative answer\s
                 |      \\___ ns2.example.com [example.com] (127.0.2.2) Got authoritative answer\s
                  \\___ b.gtld.test [com] (127.0.1.2)\s
                       |\\___ ns1.example.com [example.com] (127.0.2.1) (cached)
                        \\___ ns2.example.com [example.com] (127.0.2.2) (cached)

                ns1.example.com (127.0.2.1)             www.example.com -> 192.0.2.80
                ns2.example.com (127.0.2.2)             www.example.com -> 192.0.2.80
                """);
        assertThat(trace.anyAuthoritative()).isTrue();
    }

    @Test
    void sendsEachQuestionToEachServerOnce() throws Exception {
        FakeNetwork net = healthy();
        new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(net.queries()).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void withoutCacheEveryPlaceAsksAgain() throws Exception {
        FakeNetwork net = healthy();
        Trace trace = new Tracer(net).run(request("www.example.com", Type.A, false, false, IpFamily.ANY),
                TraceListener.NONE);
        assertThat(trace.anyAuthoritative()).isTrue();
        assertThat(tree(trace)).doesNotContain("(cached)")
                .contains("       |\\___ ns1.example.com [example.com] (127.0.2.1) Got authoritative answer \n");
        assertThat(net.queriesTo("127.0.2.1")).isEqualTo(2);
    }

    @Test
    void treeIsTheSameWhateverOrderRepliesArriveIn() throws Exception {
        FakeNetwork slowFirst = healthy().delay("127.0.1.1", 60).delay("127.0.2.2", 30);
        FakeNetwork slowSecond = healthy().delay("127.0.1.2", 60).delay("127.0.2.1", 30);
        String first = tree(new Tracer(slowFirst).run(request("www.example.com"), TraceListener.NONE));
        String second = tree(new Tracer(slowSecond).run(request("www.example.com"), TraceListener.NONE));
        assertThat(first).isEqualTo(second);
        // both com servers refer to the same name servers while their replies are in flight: asked once each
        assertThat(slowFirst.queries()).doesNotHaveDuplicates().hasSize(5);
        assertThat(slowSecond.queries()).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void refusedServerIsLame() throws Exception {
        FakeNetwork net = healthy().server("127.0.2.2", q -> Replies.rcode(q, Rcode.REFUSED));
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        TraceNode ns2 = trace.sections().get(0).root().children().get(0).children().get(1);
        assertThat(ns2.status()).isEqualTo(Status.LAME);
        assertThat(ns2.verdict().lameReason()).isEqualTo(LameReason.REFUSED);
        assertThat(tree(trace)).contains("ns2.example.com [example.com] (127.0.2.2) Lame server [REFUSED] ");
    }

    @Test
    void upwardReferralRefersBackwards() throws Exception {
        FakeNetwork net = healthy().server("127.0.2.2", q -> Replies.referral(q,
                ". 3600 IN NS a.root.test.", "a.root.test. 3600 IN A 127.0.0.1"));
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(tree(trace)).contains("(127.0.2.2) Refers backwards [to .] ");
        assertThat(net.queriesTo("127.0.0.1")).isEqualTo(1);
    }

    @Test
    void silentServerTimesOutWithOneStarPerTry() throws Exception {
        FakeNetwork net = healthy().server("127.0.2.2", q -> null);
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(tree(trace)).contains("(127.0.2.2) * * * [timeout] ");
        assertThat(trace.anyAuthoritative()).isTrue();
    }

    @Test
    void nxdomainIsAnAuthoritativeAnswer() throws Exception {
        Trace trace = new Tracer(healthy()).run(request("nope.example.com"), TraceListener.NONE);
        assertThat(tree(trace)).contains("(127.0.2.1) Got authoritative answer [NXDOMAIN] ");
        assertThat(trace.anyAuthoritative()).isTrue();
    }

    @Test
    void gluelessNameServerIsLookedUpFromTheRootHints() throws Exception {
        FakeNetwork net = healthy();
        net.server("127.0.1.1", q -> q.name().toString().endsWith("example.com.")
                ? Replies.referral(q, "example.com. 172800 IN NS ns.dns-host.net.")
                : Replies.rcode(q, Rcode.REFUSED));
        net.server("127.0.0.1", q -> q.name().toString().endsWith("net.")
                ? Replies.referral(q, "net. 172800 IN NS a.nic.test.", "a.nic.test. 3600 IN A 127.0.3.1")
                : Replies.referral(q, "com. 172800 IN NS a.gtld.test.", "a.gtld.test. 172800 IN A 127.0.1.1"));
        net.server("127.0.3.1", q -> q.type() == Type.A
                ? Replies.answer(q, "ns.dns-host.net. 300 IN A 127.0.2.1")
                : Replies.nodata(q, "dns-host.net. 300 IN SOA a.nic.test. h.dns-host.net. 1 2 3 4 5"));
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(tree(trace)).contains("\\___ ns.dns-host.net [example.com] (127.0.2.1) Got authoritative answer ");
    }

    /** root refers com to 127.0.1.1 and net to 127.0.3.1, which serves dns-host.net. */
    private static FakeNetwork withGluelessSibling(java.util.function.Function<Question, org.xbill.DNS.Message> dnsHost) {
        FakeNetwork net = healthy();
        net.server("127.0.1.1", q -> q.name().toString().endsWith("example.com.")
                ? Replies.referral(q, "example.com. 172800 IN NS ns.dns-host.net.",
                        "example.com. 172800 IN NS ns1.example.com.", "ns1.example.com. 172800 IN A 127.0.2.1")
                : Replies.rcode(q, Rcode.REFUSED));
        net.server("127.0.0.1", q -> q.name().toString().endsWith("net.")
                ? Replies.referral(q, "net. 172800 IN NS a.nic.test.", "a.nic.test. 3600 IN A 127.0.3.1")
                : Replies.referral(q, "com. 172800 IN NS a.gtld.test.", "a.gtld.test. 172800 IN A 127.0.1.1"));
        net.server("127.0.3.1", dnsHost);
        return net;
    }

    private static org.xbill.DNS.Message dnsHostAnswer(Question q) {
        return q.type() == Type.A
                ? Replies.answer(q, "ns.dns-host.net. 300 IN A 127.0.2.2")
                : Replies.nodata(q, "dns-host.net. 300 IN SOA a.nic.test. h.dns-host.net. 1 2 3 4 5");
    }

    @Test
    void aServerWithGlueIsAskedWithoutWaitingForTheLookUpOfAGluelessSibling() throws Exception {
        java.util.concurrent.CountDownLatch gluedAsked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean gluedFirst = new java.util.concurrent.atomic.AtomicBoolean();
        FakeNetwork net = withGluelessSibling(q -> {
            try {
                // the look-up's answer is held back until the glued sibling has been asked (10 s: a guard only)
                gluedFirst.set(gluedAsked.await(10, java.util.concurrent.TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return dnsHostAnswer(q);
        });
        net.server("127.0.2.1", q -> {
            gluedAsked.countDown();
            return Replies.answer(q, "www.example.com. 300 IN A 192.0.2.80");
        });
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(gluedFirst).isTrue();
        assertThat(tree(trace))
                .contains("|\\___ ns.dns-host.net [example.com] (127.0.2.2) Got authoritative answer ")
                .contains("\\___ ns1.example.com [example.com] (127.0.2.1) Got authoritative answer ");
    }

    @Test
    void aGluelessNameServersAandAaaaAreLookedUpAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch aaaaAsked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean together = new java.util.concurrent.atomic.AtomicBoolean();
        FakeNetwork net = withGluelessSibling(q -> {
            if (q.type() == Type.AAAA) {
                aaaaAsked.countDown();
            } else {
                try {
                    // the A answer waits for the AAAA question: asked one after the other, it would never come
                    together.set(aaaaAsked.await(10, java.util.concurrent.TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return dnsHostAnswer(q);
        });
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(together).isTrue();
        assertThat(tree(trace)).contains("ns.dns-host.net [example.com] (127.0.2.2) Got authoritative answer ");
        assertThat(net.queriesTo("127.0.3.1")).isEqualTo(2);
    }

    @Test
    void nameServerWithoutAnyAddressIsShown() throws Exception {
        FakeNetwork net = healthy();
        net.server("127.0.1.1", q -> Replies.referral(q, "example.com. 172800 IN NS ns.nowhere.test."));
        net.server("127.0.1.2", q -> Replies.referral(q, "example.com. 172800 IN NS ns.nowhere.test."));
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(tree(trace)).contains("ns.nowhere.test [example.com] (No IP address)");
        assertThat(trace.anyAuthoritative()).isFalse();
    }

    @Test
    void ipv6ServersAreNotQueriedWithIpv4Only() throws Exception {
        FakeNetwork net = healthy();
        net.server("127.0.1.1", q -> Replies.referral(q, "example.com. 172800 IN NS ns1.example.com.",
                "ns1.example.com. 172800 IN A 127.0.2.1", "ns1.example.com. 172800 IN AAAA ::1"));
        Trace trace = new Tracer(net).run(request("www.example.com", Type.A, true, false, IpFamily.V4_ONLY),
                TraceListener.NONE);
        assertThat(tree(trace)).contains("ns1.example.com [example.com] (::1) Not queried");
        assertThat(net.queries()).noneMatch(q -> q.startsWith("::1"));
    }

    @Test
    void serverReferringToTheSameZoneIsLame() throws Exception {
        FakeNetwork net = healthy().server("127.0.2.2", q -> Replies.referral(q,
                "example.com. 172800 IN NS ns2.example.com.", "ns2.example.com. 172800 IN A 127.0.2.2"));
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(tree(trace)).contains("(127.0.2.2) Lame server [referral to same zone] ");
    }

    @Test
    void addressAlreadyOnThePathIsALoopWhenEveryPlaceAsksAgain() throws Exception {
        // the com server also claims to be a name server of example.com
        FakeNetwork net = healthy();
        net.server("127.0.1.1", q -> Replies.referral(q, "example.com. 172800 IN NS a.gtld.com.",
                "a.gtld.com. 172800 IN A 127.0.1.1"));
        Trace trace = new Tracer(net).run(request("www.example.com", Type.A, false, false, IpFamily.ANY),
                TraceListener.NONE);
        assertThat(tree(trace)).contains("|      \\___ a.gtld.com [example.com] (127.0.1.1) Loop ");
    }

    @Test
    void addressAlreadyOnThePathIsALoopWithTheCacheToo() throws Exception {
        FakeNetwork net = healthy();
        net.server("127.0.1.1", q -> Replies.referral(q, "example.com. 172800 IN NS a.gtld.com.",
                "a.gtld.com. 172800 IN A 127.0.1.1"));
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(tree(trace)).contains("|      \\___ a.gtld.com [example.com] (127.0.1.1) Loop ");
        assertThat(net.queriesTo("127.0.1.1")).isEqualTo(1);
    }

    @Test
    void cnameTargetIsTracedAsItsOwnSection() throws Exception {
        FakeNetwork net = healthy();
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, q -> switch (q.name().toString()) {
                case "www.example.com." -> Replies.answer(q, "www.example.com. 300 IN CNAME web.example.com.");
                case "web.example.com." -> Replies.answer(q, "web.example.com. 300 IN A 192.0.2.81");
                default -> Replies.nxdomain(q, SOA);
            });
        }
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(trace.sections()).hasSize(2);
        assertThat(trace.sections().get(1).question().name().toString()).isEqualTo("web.example.com.");
        assertThat(tree(trace))
                .contains("Got authoritative answer [received type is CNAME] ")
                .contains("Tracing to web.example.com[A] via a.root.test, maximum of 3 retries (CNAME target of www.example.com)");
    }

    @Test
    void cnameLoopIsReportedNotFollowedForever() throws Exception {
        FakeNetwork net = healthy();
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, q -> q.name().toString().equals("a.example.com.")
                    ? Replies.answer(q, "a.example.com. 300 IN CNAME b.example.com.")
                    : Replies.answer(q, "b.example.com. 300 IN CNAME a.example.com."));
        }
        Trace trace = new Tracer(net).run(request("a.example.com"), TraceListener.NONE);
        assertThat(trace.sections()).hasSize(2);
        assertThat(org.dnstracer.findings.Findings.of(trace))
                .anyMatch(f -> f.code() == org.dnstracer.findings.FindingCode.CNAME_LOOP);
    }

    @Test
    void negativeCachingSkipsAServerThatFailedBefore() throws Exception {
        FakeNetwork net = healthy().server("127.0.2.2", q -> null);
        for (String auth : List.of("127.0.2.1")) {
            net.server(auth, q -> q.name().toString().equals("www.example.com.")
                    ? Replies.answer(q, "www.example.com. 300 IN CNAME web.example.com.")
                    : Replies.answer(q, "web.example.com. 300 IN A 192.0.2.81"));
        }
        Trace trace = new Tracer(net).run(request("www.example.com", Type.A, true, true, IpFamily.ANY),
                TraceListener.NONE);
        // the CNAME target's section is explored while the first is still waiting for 127.0.2.2, so whether -C
        // saves that query depends on timing; what the tree shows does not
        assertThat(net.queriesTo("127.0.2.2")).isBetween(1L, 2L);
        assertThat(trace.sections().get(1).root().children().get(0).children().get(1).exchange().skipped()).isTrue();
        assertThat(tree(trace)).contains("(127.0.2.2) (cached) [timeout] ");
    }

    @Test
    void queryLimitStopsTheTraceWithAWarning() throws Exception {
        TraceRequest r = request("www.example.com");
        TraceRequest limited = new TraceRequest(r.question(), r.start(), r.port(), r.family(), r.cache(),
                r.negativeCache(), r.followCname(), Limits.defaults().withMaxQueries(2), r.rootHints(), r.tries());
        Trace trace = new Tracer(healthy()).run(limited, TraceListener.NONE);
        assertThat(tree(trace)).contains("[query limit reached, not asked]");
        assertThat(trace.warnings()).anyMatch(w -> w.contains("maximum of 2 queries"));
    }

    @Test
    void depthLimitStopsTheTraceWithAWarning() throws Exception {
        TraceRequest r = request("www.example.com");
        TraceRequest limited = new TraceRequest(r.question(), r.start(), r.port(), r.family(), r.cache(),
                r.negativeCache(), r.followCname(), Limits.defaults().withMaxDepth(1), r.rootHints(), r.tries());
        Trace trace = new Tracer(healthy()).run(limited, TraceListener.NONE);
        assertThat(tree(trace)).contains("[maximum depth 1 reached]");
        assertThat(trace.warnings()).anyMatch(w -> w.contains("maximum delegation depth of 1"));
    }

    @Test
    void resolverAtTheStartGivesANonAuthoritativeAnswerAndIsFollowed() throws Exception {
        FakeNetwork net = healthy().server("127.0.0.9", q -> {
            var m = Replies.nonAuthoritativeAnswer(q, "www.example.com. 300 IN A 192.0.2.80");
            m.addRecord(Replies.rr("example.com. 3600 IN NS ns1.example.com."), org.xbill.DNS.Section.AUTHORITY);
            m.addRecord(Replies.rr("ns1.example.com. 3600 IN A 127.0.2.1"), org.xbill.DNS.Section.ADDITIONAL);
            return m;
        });
        TraceRequest r = request("www.example.com");
        TraceRequest fromResolver = new TraceRequest(r.question(), new StartServer("127.0.0.9", ip("127.0.0.9"), null),
                r.port(), r.family(), r.cache(), r.negativeCache(), r.followCname(), r.limits(), r.rootHints(), r.tries());
        Trace trace = new Tracer(net).run(fromResolver, TraceListener.NONE);
        assertThat(tree(trace)).contains("127.0.0.9 (127.0.0.9) Got answer \n"
                + "  \\___ ns1.example.com [example.com] (127.0.2.1) Got authoritative answer ");
    }

    @Test
    void unreachableAndMalformedServersAreShownAsSuch() throws Exception {
        FakeNetwork net = healthy().server("127.0.2.1", q -> null).failing("127.0.2.1", AttemptResult.UNREACHABLE)
                .server("127.0.2.2", q -> null).failing("127.0.2.2", AttemptResult.MALFORMED);
        Trace trace = new Tracer(net).run(request("www.example.com"), TraceListener.NONE);
        assertThat(tree(trace)).contains("(127.0.2.1) * * * [unreachable] ").contains("(127.0.2.2) * * * [malformed reply] ");
        assertThat(trace.anyAuthoritative()).isFalse();
    }

    @Test
    void linesStreamOutBeforeLaterRepliesArrive() throws Exception {
        // ns2's reply is held back until ns1's line has been handed to the listener: a tracer that printed only
        // at the end would never finish
        CompletableFuture<Void> ns1Shown = new CompletableFuture<>();
        FakeNetwork net = healthy().gate("127.0.2.2", ns1Shown);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        TraceListener listener = new TraceListener() {
            @Override
            public void node(TraceNode node, List<Boolean> last) {
                lines.add(node.server());
                if (node.server().equals("ns1.example.com")) {
                    ns1Shown.complete(null);
                }
            }
        };
        Trace trace = CompletableFuture.supplyAsync(() -> new Tracer(net).run(request("www.example.com"), listener))
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(lines).startsWith("a.root.test", "a.gtld.test", "ns1.example.com", "ns2.example.com");
        assertThat(trace.anyAuthoritative()).isTrue();
    }
}
