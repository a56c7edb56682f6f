package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dnstracer.findings.FindingCode;
import org.dnstracer.findings.Findings;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/** Data from a server is believed only inside the zone it was asked about. */
class TraceTrustTest {
    private static Trace run(FakeNetwork net, String name) {
        return new Tracer(net).run(Scenarios.request(name), TraceListener.NONE);
    }

    private static FakeNetwork bothServers(java.util.function.Function<org.dnstracer.model.Question, Message> r) {
        FakeNetwork net = Scenarios.healthy();
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, r);
        }
        return net;
    }

    /** The addresses that CNAME_LOOP findings blame. */
    private static List<String> loops(Trace trace) {
        return Findings.of(trace).stream().filter(f -> f.code() == FindingCode.CNAME_LOOP)
                .map(f -> f.address().getHostAddress()).toList();
    }

    @Test
    void aCnameTargetAnsweredFromOutsideTheZoneIsStillTraced() {
        FakeNetwork net = bothServers(q -> q.name().toString().equals("www.example.com.")
                ? Replies.answer(q, "www.example.com. 300 IN CNAME www.example.net.",
                        "www.example.net. 300 IN A 192.0.2.66")
                : Replies.nxdomain(q, Scenarios.SOA));
        Trace trace = run(net, "www.example.com");
        assertThat(trace.sections()).hasSize(2);
        assertThat(trace.sections().get(1).question().displayName()).isEqualTo("www.example.net");
    }

    @Test
    void aCnameLoopInsideOneReplyIsAFindingOfEachServerThatGivesIt() {
        FakeNetwork net = bothServers(q -> Replies.answer(q, "loop1.example.com. 300 IN CNAME loop2.example.com.",
                "loop2.example.com. 300 IN CNAME loop1.example.com."));
        Trace trace = run(net, "loop1.example.com");
        assertThat(trace.sections()).hasSize(1);
        assertThat(loops(trace)).containsExactly("127.0.2.1", "127.0.2.2");
    }

    @Test
    void anAuthoritativeServfailWithACnameLoopIsAServerErrorAndALoop() {
        // BIND 9.18 answers a CNAME loop so: AA=1, SERVFAIL, the whole loop in the answer section
        FakeNetwork net = bothServers(q -> {
            Message m = Replies.answer(q, "loop1.example.com. 300 IN CNAME loop2.example.com.",
                    "loop2.example.com. 300 IN CNAME loop1.example.com.");
            m.getHeader().setRcode(Rcode.SERVFAIL);
            return m;
        });
        Trace trace = run(net, "loop1.example.com");
        assertThat(trace.sections().get(0).root().children().get(0).children().get(0).status())
                .isEqualTo(Status.SERVER_ERROR);
        assertThat(TracerTest.tree(trace)).contains("(127.0.2.1) Error [SERVFAIL] ");
        assertThat(loops(trace)).containsExactly("127.0.2.1", "127.0.2.2");
    }

    @Test
    void anAuthoritativeReplyForAnotherNameIsNotAnAnswer() {
        FakeNetwork net = bothServers(q -> Replies.answer(q, "other.example.com. 300 IN A 192.0.2.1"));
        Trace trace = run(net, "www.example.com");
        assertThat(trace.anyAuthoritative()).isFalse();
        assertThat(TracerTest.tree(trace)).contains("(127.0.2.1) Error [answer holds no A record for www.example.com] ");
    }

    @Test
    void aNonAuthoritativeNxdomainCarryingNameServersIsNotFollowed() {
        FakeNetwork net = Scenarios.healthy();
        for (String tld : List.of("127.0.1.1", "127.0.1.2")) {
            net.server(tld, q -> {
                Message m = Replies.withoutAa(Replies.nxdomain(q, "com. 300 IN SOA a.gtld.test. h.test. 1 2 3 4 5"));
                m.addRecord(Replies.rr("example.com. 300 IN NS ns1.example.com."), org.xbill.DNS.Section.AUTHORITY);
                m.addRecord(Replies.rr("ns1.example.com. 300 IN A 127.0.2.1"), org.xbill.DNS.Section.ADDITIONAL);
                return m;
            });
        }
        Trace trace = run(net, "www.example.com");
        assertThat(net.queries()).noneMatch(q -> q.startsWith("127.0.2.1 "));
        assertThat(trace.sections().get(0).root().children().get(0).status()).isEqualTo(Status.LAME);
    }

    @Test
    void serversThatDifferOnlyInTheCaseOfNamesAgree() {
        FakeNetwork net = Scenarios.healthy();
        net.server("127.0.2.1", q -> Replies.answer(q, "www.example.com. 300 IN CNAME WEB.Example.com."));
        net.server("127.0.2.2", q -> Replies.answer(q, "WWW.example.com. 300 IN CNAME web.example.com."));
        Trace trace = new Tracer(net).run(TraceDeterminismTest.withLimits(Scenarios.request("www.example.com"),
                Limits.defaults()), TraceListener.NONE);
        assertThat(Findings.of(trace)).noneMatch(f -> f.code().name().endsWith("_MISMATCH"));
        assertThat(trace.sections()).hasSize(2);
    }

    @Test
    void anAuthoritativeFlagOnAReferralFromTheParentStillDelegates() {
        FakeNetwork net = Scenarios.healthy();
        net.server("127.0.1.1", q -> {
            Message m = Replies.referral(q, "example.com. 172800 IN NS ns1.example.com.",
                    "ns1.example.com. 172800 IN A 127.0.2.1");
            m.getHeader().setFlag(Flags.AA);
            return m;
        });
        Trace trace = run(net, "www.example.com");
        assertThat(trace.sections().get(0).root().children().get(0).status()).isEqualTo(Status.REFERRAL);
    }
}
