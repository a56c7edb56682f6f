package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.api.Test;

/** No server, transport fault or zone size can hang a run or make it run away. */
class TraceBoundsTest {
    private static Trace run(FakeNetwork net, TraceRequest request) {
        return new Tracer(net).run(request, TraceListener.NONE);
    }

    private static TraceNode ns2(Trace trace) {
        return trace.sections().get(0).root().children().get(0).children().get(1);
    }

    @Test
    void aTransportThatThrowsGivesAnInternalErrorOnThatLineNotAHang() {
        FakeNetwork net = Scenarios.healthy().throwing("127.0.2.2", new IllegalStateException("boom"));
        Trace trace = run(net, Scenarios.request("www.example.com"));
        assertThat(ns2(trace).status()).isEqualTo(Status.INTERNAL_ERROR);
        assertThat(TracerTest.tree(trace))
                .contains("ns2.example.com [example.com] (127.0.2.2) [internal error: java.lang.IllegalStateException: boom] ")
                .contains("ns1.example.com [example.com] (127.0.2.1) Got authoritative answer ");
    }

    @Test
    void aReplyThatFailsToArriveAsAValueGivesAnInternalError() {
        FakeNetwork net = Scenarios.healthy().server("127.0.2.2", q -> {
            throw new IllegalArgumentException("scripted bug");
        });
        Trace trace = run(net, Scenarios.request("www.example.com"));
        assertThat(ns2(trace).status()).isEqualTo(Status.INTERNAL_ERROR);
        assertThat(ns2(trace).verdict().detail()).contains("scripted bug");
    }

    @Test
    void theTimeLimitEndsARunWhoseServerNeverAnswers() {
        FakeNetwork net = Scenarios.healthy().gate("127.0.2.2", new CompletableFuture<>());
        TraceRequest request = TraceDeterminismTest.withLimits(Scenarios.request("www.example.com"),
                Limits.defaults().withMaxTime(Duration.ofSeconds(1)));
        Trace trace = run(net, request);
        assertThat(ns2(trace).status()).isEqualTo(Status.UNFINISHED);
        assertThat(TracerTest.tree(trace))
                .contains("ns2.example.com [example.com] (127.0.2.2) [not finished: time limit of 1 s reached] ")
                .contains("Warning: time limit of 1 s reached (--max-time)");
        assertThat(trace.anyAuthoritative()).isTrue();
    }

    @Test
    void onlyTheFirstNameServersOfAReferralAreFollowed() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("example.com. 172800 IN NS ns" + i + ".example.com.");
            lines.add("ns" + i + ".example.com. 172800 IN A 127.0.4." + i);
        }
        FakeNetwork net = Scenarios.healthy();
        for (String tld : List.of("127.0.1.1", "127.0.1.2")) {
            net.server(tld, q -> Replies.referral(q, lines.toArray(String[]::new)));
        }
        TraceRequest request = TraceDeterminismTest.withLimits(Scenarios.request("www.example.com"),
                Limits.defaults().withMaxNameServers(32));
        Trace trace = run(net, request);
        List<TraceNode> children = trace.sections().get(0).root().children().get(0).children();
        assertThat(children).hasSize(40);
        assertThat(children.subList(0, 32)).allMatch(n -> n.status() == Status.TIMEOUT);
        assertThat(children.subList(32, 40)).allMatch(n -> n.status() == Status.LIMIT && n.address() == null);
        assertThat(net.queries()).noneMatch(q -> q.startsWith("127.0.4.32 ") || q.startsWith("127.0.4.39 "));
        assertThat(net.queriesTo("127.0.4.31")).isEqualTo(1);
        assertThat(TracerTest.tree(trace))
                .contains("ns32.example.com [example.com] [not followed: more than 32 name servers] ")
                .contains("Warning: referral to example.com names more than 32 name servers: the rest are not "
                        + "followed (--max-ns)");
    }

    @Test
    void thousandsOfGluelessNameServersWhoseZoneIsSilentCostOnlyTheFollowedLookUps() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            lines.add("example.com. 172800 IN NS ns" + i + ".dead.test.");
        }
        FakeNetwork net = Scenarios.healthy();
        for (String tld : List.of("127.0.1.1", "127.0.1.2")) {
            net.server(tld, q -> Replies.referral(q, lines.toArray(String[]::new)));
        }
        net.server("127.0.0.1", q -> q.name().toString().endsWith("dead.test.")
                ? Replies.referral(q, "dead.test. 3600 IN NS a.dead.test.", "a.dead.test. 3600 IN A 127.0.5.1")
                : Replies.referral(q, "com. 172800 IN NS a.gtld.test.", "com. 172800 IN NS b.gtld.test.",
                        "a.gtld.test. 172800 IN A 127.0.1.1", "b.gtld.test. 172800 IN A 127.0.1.2"));
        Trace trace = run(net, Scenarios.request("www.example.com"));
        List<TraceNode> children = trace.sections().get(0).root().children().get(0).children();
        assertThat(children).hasSize(1500);
        assertThat(children.subList(0, 32)).allMatch(n -> n.status() == Status.NO_ADDRESS);
        // 32 names, A and AAAA each: one question to the root and one to the silent server per name and type
        assertThat(net.queriesTo("127.0.5.1")).isEqualTo(64);
        assertThat(net.queries()).hasSize(1 + 2 + 64 + 64);
    }

    @Test
    void nestedGluelessLookUpsStopAtTheNestingBound() {
        // ns.l1.test's zone is served by ns.l2.test, whose zone by ns.l3.test, ... each without glue
        FakeNetwork net = Scenarios.healthy();
        for (String tld : List.of("127.0.1.1", "127.0.1.2")) {
            net.server(tld, q -> Replies.referral(q, "example.com. 172800 IN NS ns.l1.test."));
        }
        net.server("127.0.0.1", q -> {
            String name = q.name().toString();
            if (name.endsWith(".test.")) {
                int level = Integer.parseInt(name.replaceAll(".*\\.l(\\d+)\\.test\\.$", "$1"));
                return Replies.referral(q, "l" + level + ".test. 3600 IN NS ns.l" + (level + 1) + ".test.");
            }
            return Replies.referral(q, "com. 172800 IN NS a.gtld.test.", "a.gtld.test. 172800 IN A 127.0.1.1");
        });
        TraceRequest request = TraceDeterminismTest.withLimits(Scenarios.request("www.example.com"),
                Limits.defaults().withMaxLookupNesting(3));
        Trace trace = run(net, request);
        assertThat(trace.sections().get(0).root().children().get(0).children().get(0).status())
                .isEqualTo(Status.NO_ADDRESS);
        // names l1..l3 are looked up (A and AAAA), l4 no more
        assertThat(net.queries()).anyMatch(q -> q.contains("ns.l3.test.")).noneMatch(q -> q.contains("ns.l4.test."));
    }
}
