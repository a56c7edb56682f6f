package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.dnstracer.model.Trace;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.render.FindingsBlock;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/** The analysis of scripted traces: each fault named once, against the right zone, server and address. */
class FindingsTest {
    /** The scripted servers live on loopback addresses that stand for public ones: judged as in the lab. */
    private static final AnalysisOptions LAB = new AnalysisOptions(true, true);

    private static Trace trace(FakeNetwork net, TraceRequest request) {
        return new Tracer(net).run(request, TraceListener.NONE);
    }

    private static List<Finding> findings(FakeNetwork net) {
        return Findings.of(trace(net, Scenarios.request("www.example.com")), ProbeResults.NONE, LAB);
    }

    /** example.com's servers, as com's servers refer to them. */
    private static FakeNetwork withAuth(String address, java.util.function.Function<org.dnstracer.model.Question, Message> r) {
        return Scenarios.healthy().server(address, r);
    }

    @Test
    void healthyTraceHasNoFindings() {
        assertThat(findings(Scenarios.healthy())).isEmpty();
    }

    @Test
    void outsideTheLabLoopbackAddressesAndOneNetworkAreFindings() {
        List<Finding> found = Findings.of(trace(Scenarios.healthy(), Scenarios.request("www.example.com")));
        assertThat(found).extracting(f -> f.code(), f -> f.zone().toString(), Finding::server)
                .contains(tuple(FindingCode.GLUE_PRIVATE_ADDRESS, "example.com.", "ns1.example.com"),
                        tuple(FindingCode.GLUE_PRIVATE_ADDRESS, "example.com.", "ns2.example.com"),
                        tuple(FindingCode.SAME_PREFIX, "example.com.", null),
                        tuple(FindingCode.SAME_PREFIX, "com.", null));
        assertThat(found.stream().filter(f -> f.code() == FindingCode.SAME_PREFIX && f.zone().toString().equals("com."))
                .findFirst().orElseThrow().message()).isEqualTo("all 2 addresses of its 2 name servers are in 127.0.1.0/24");
    }

    @Test
    void refusedServerIsOneFindingWithEveryServerThatDelegatedToIt() {
        List<Finding> found = findings(withAuth("127.0.2.2", q -> Replies.rcode(q, Rcode.REFUSED)));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.LAME_REFUSED);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.zone().toString()).isEqualTo("example.com.");
            assertThat(f.server()).isEqualTo("ns2.example.com");
            assertThat(f.address()).isEqualTo(FakeNetwork.ip("127.0.2.2"));
            assertThat(f.message()).isEqualTo("answered REFUSED for example.com.");
            assertThat(f.evidence()).containsExactly("delegated by a.gtld.test, b.gtld.test");
        });
    }

    @Test
    void eachKindOfLamenessHasItsCode() {
        assertThat(codes(withAuth("127.0.2.2", q -> Replies.rcode(q, Rcode.SERVFAIL))))
                .containsExactly(FindingCode.LAME_SERVFAIL);
        assertThat(codes(withAuth("127.0.2.2", q -> Replies.rcode(q, Rcode.NOTAUTH))))
                .containsExactly(FindingCode.LAME_NOTAUTH);
        assertThat(codes(withAuth("127.0.2.2", q -> Replies.nonAuthoritativeAnswer(q, "www.example.com. 300 IN A 192.0.2.80"))))
                .containsExactly(FindingCode.LAME_NOT_AUTHORITATIVE);
        assertThat(codes(withAuth("127.0.2.2", q -> Replies.referral(q, "example.com. 300 IN NS ns1.example.com.",
                "example.com. 300 IN NS ns2.example.com."))))
                .containsExactly(FindingCode.LAME_SAME_ZONE_REFERRAL);
        assertThat(codes(withAuth("127.0.2.2", q -> Replies.referral(q, "example.net. 300 IN NS ns1.example.net."))))
                .containsExactly(FindingCode.LAME_UNRELATED_REFERRAL);
        assertThat(codes(withAuth("127.0.2.2", q -> Replies.referral(q, ". 300 IN NS a.root.test.",
                "a.root.test. 300 IN A 127.0.0.1"))))
                .containsExactly(FindingCode.UPWARD_REFERRAL);
        assertThat(codes(withAuth("127.0.2.2", q -> Replies.rcode(q, Rcode.FORMERR))))
                .containsExactly(FindingCode.SERVER_ERROR);
    }

    @Test
    void silentUnreachableAndGarbledServersAreFindings() {
        assertThat(findings(withAuth("127.0.2.2", q -> null))).singleElement()
                .satisfies(f -> assertThat(FindingsBlock.line(f)).isEqualTo("error   UNRESPONSIVE_UDP  example.com.  "
                        + "ns2.example.com (127.0.2.2)  no reply over UDP to 3 tries (delegated by a.gtld.test, b.gtld.test)"));
        assertThat(codes(withAuth("127.0.2.2", q -> null).failing("127.0.2.2", AttemptResult.UNREACHABLE)))
                .containsExactly(FindingCode.UNREACHABLE);
        assertThat(codes(withAuth("127.0.2.2", q -> null).failing("127.0.2.2", AttemptResult.MALFORMED)))
                .containsExactly(FindingCode.MALFORMED_REPLY);
    }

    @Test
    void nameServerWithoutAddressAndSingleNameServer() {
        FakeNetwork net = Scenarios.healthy();
        for (String tld : List.of("127.0.1.1", "127.0.1.2")) {
            net.server(tld, q -> Replies.referral(q, "example.com. 172800 IN NS ns9.nowhere.test."));
        }
        List<Finding> found = findings(net);
        assertThat(found).extracting(Finding::code, f -> f.zone().toString(), Finding::server, Finding::address)
                .containsExactly(
                        tuple(FindingCode.NS_NO_ADDRESS, "example.com.", "ns9.nowhere.test", null),
                        tuple(FindingCode.SINGLE_NAME_SERVER, "example.com.", "ns9.nowhere.test", null));
        assertThat(found.get(1).evidence()).containsExactly("delegated by a.gtld.test, b.gtld.test");
    }

    @Test
    void differentAnswersBlameTheServersOutsideTheLargestGroup() {
        FakeNetwork net = Scenarios.healthy()
                .server("127.0.2.2", q -> Replies.answer(q, "www.example.com. 300 IN A 192.0.2.99"));
        assertThat(findings(net)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ANSWER_MISMATCH);
            assertThat(f.address()).isEqualTo(FakeNetwork.ip("127.0.2.2"));
            assertThat(f.message()).isEqualTo("answered www.example.com A differently from ns1.example.com (127.0.2.1)");
            assertThat(f.evidence()).containsExactly("www.example.com A 192.0.2.80 from ns1.example.com (127.0.2.1)",
                    "www.example.com A 192.0.2.99 from ns2.example.com (127.0.2.2)", "delegated by a.gtld.test, b.gtld.test");
        });
    }

    @Test
    void differentDataIsANoticeButANameDeniedByOneServerIsAWarning() {
        FakeNetwork geo = Scenarios.healthy()
                .server("127.0.2.2", q -> Replies.answer(q, "www.example.com. 300 IN A 192.0.2.99"));
        assertThat(findings(geo)).extracting(Finding::code, Finding::severity)
                .containsExactly(tuple(FindingCode.ANSWER_MISMATCH, Severity.NOTICE));
        FakeNetwork denied = Scenarios.healthy().server("127.0.2.2", q -> Replies.nxdomain(q,
                "example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 1 3600 900 604800 300"));
        assertThat(findings(denied)).extracting(Finding::code, Finding::severity, Finding::server)
                .containsExactly(tuple(FindingCode.NXDOMAIN_MISMATCH, Severity.WARNING, "ns2.example.com"));
    }

    @Test
    void nxdomainBesideACnameOutOfTheZoneSaysNothingOfTheTarget() {
        // RFC 6604: the rcode is about the last name the server is authoritative for; a target elsewhere is not
        // that name, so the CNAME is not called dangling on this reply's word
        java.util.function.Function<org.dnstracer.model.Question, Message> reply = q -> {
            Message m = Replies.nxdomain(q,
                    "example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 1 3600 900 604800 300");
            m.addRecord(Replies.rr("www.example.com. 300 IN CNAME www.elsewhere.test."), org.xbill.DNS.Section.ANSWER);
            return m;
        };
        FakeNetwork net = Scenarios.healthy().server("127.0.2.1", reply).server("127.0.2.2", reply);
        assertThat(findings(net)).extracting(Finding::code).doesNotContain(FindingCode.CNAME_DANGLING);
    }

    @Test
    void answersThatDifferInDataAndTtlAreOneAnswerMismatchNotAlsoATtlOne() {
        FakeNetwork net = Scenarios.healthy()
                .server("127.0.2.2", q -> Replies.answer(q, "www.example.com. 60 IN A 192.0.2.99"));
        assertThat(findings(net)).extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.ANSWER_MISMATCH, "ns2.example.com"));
    }

    @Test
    void ttlOnlyDifferencesAreTheirOwnMilderFinding() {
        FakeNetwork net = Scenarios.healthy()
                .server("127.0.2.2", q -> Replies.answer(q, "www.example.com. 60 IN A 192.0.2.80"));
        assertThat(findings(net)).extracting(Finding::code, Finding::severity, Finding::server)
                .containsExactly(tuple(FindingCode.TTL_MISMATCH, Severity.NOTICE, "ns2.example.com"));
    }

    @Test
    void cnameLoopInsideOneReplyIsBlamedOnTheServersThatSentIt() {
        FakeNetwork net = Scenarios.healthy();
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, q -> Replies.answer(q, "www.example.com. 300 IN CNAME a.example.com.",
                    "a.example.com. 300 IN CNAME www.example.com."));
        }
        assertThat(findings(net)).extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.CNAME_LOOP, "ns1.example.com"),
                        tuple(FindingCode.CNAME_LOOP, "ns2.example.com"));
    }

    @Test
    void cnameLoopAcrossSectionsIsBlamedOnTheLastLink() {
        FakeNetwork net = Scenarios.healthy();
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, q -> q.name().toString().equals("www.example.com.")
                    ? Replies.answer(q, "www.example.com. 300 IN CNAME a.example.com.")
                    : Replies.answer(q, "a.example.com. 300 IN CNAME www.example.com."));
        }
        List<Finding> found = findings(net);
        assertThat(found).extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.CNAME_LOOP, "ns1.example.com"),
                        tuple(FindingCode.CNAME_LOOP, "ns2.example.com"));
        assertThat(found.get(0).message())
                .isEqualTo("answered a.example.com CNAME www.example.com, a name already traced: the chain loops");
    }

    @Test
    void cnameToAMissingNameOfTheSameZoneIsTheServersLastWordNotACutChain() {
        // RFC 6604: the NXDOMAIN is about the chain's last name, which lies in the zone: the tracer does not follow
        // it, and the findings read the same rule (they used to warn CNAME_CHAIN_TOO_LONG here)
        FakeNetwork net = Scenarios.healthy();
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, q -> {
                Message m = Replies.nxdomain(q, "example.com. 300 IN SOA ns1.example.com. h.example.com. 1 2 3 4 300");
                m.addRecord(Replies.rr("www.example.com. 300 IN CNAME missing.example.com."),
                        org.xbill.DNS.Section.ANSWER);
                return m;
            });
        }
        Trace trace = trace(net, Scenarios.request("www.example.com"));
        assertThat(trace.sections()).hasSize(1);
        assertThat(Findings.of(trace, ProbeResults.NONE, LAB)).extracting(Finding::code)
                .doesNotContain(FindingCode.CNAME_CHAIN_TOO_LONG);
    }

    @Test
    void cnameToAMissingNameOfAnotherZoneIsTracedThere() {
        // a server of both zones says NXDOMAIN for the other zone's name: its word counts only in its own zone, so
        // the tracer asks for the last name from the start, and nothing is reported as cut off
        FakeNetwork net = Scenarios.healthy();
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, q -> {
                Message m = Replies.nxdomain(q, "example.org. 300 IN SOA ns1.example.org. h.example.org. 1 2 3 4 300");
                m.addRecord(Replies.rr("www.example.com. 300 IN CNAME missing.example.org."),
                        org.xbill.DNS.Section.ANSWER);
                return m;
            });
        }
        Trace trace = trace(net, Scenarios.request("www.example.com"));
        assertThat(trace.sections()).extracting(s -> s.question().name().toString())
                .containsExactly("www.example.com.", "missing.example.org.");
        assertThat(Findings.of(trace, ProbeResults.NONE, LAB)).extracting(Finding::code)
                .doesNotContain(FindingCode.CNAME_CHAIN_TOO_LONG);
    }

    @Test
    void chainCutAfterTheLastNameFollowedIsFound() {
        FakeNetwork net = Scenarios.healthy();
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, q -> {
                String name = q.name().toString();
                int n = name.startsWith("www.") ? 0 : Integer.parseInt(name.substring(1, name.indexOf('.')));
                return Replies.answer(q, name + " 300 IN CNAME n" + (n + 1) + ".example.com.");
            });
        }
        List<Finding> found = findings(net);
        assertThat(found).extracting(Finding::code).containsOnly(FindingCode.CNAME_CHAIN_TOO_LONG).hasSize(2);
        assertThat(found.get(0).message()).isEqualTo("answered n8.example.com CNAME n9.example.com, after 9 names: "
                + "not followed further");
    }

    @Test
    void errorsComeBeforeWarningsWhateverTheTreeOrder() {
        FakeNetwork net = Scenarios.healthy();
        net.server("127.0.1.1", q -> Replies.referral(q, "example.com. 172800 IN NS ns1.example.com.",
                "ns1.example.com. 172800 IN A 127.0.2.1"));
        net.server("127.0.1.2", q -> Replies.referral(q, "example.com. 172800 IN NS ns2.example.com.",
                "ns2.example.com. 172800 IN A 127.0.2.2"));
        net.server("127.0.2.2", q -> Replies.rcode(q, Rcode.REFUSED));
        assertThat(findings(net)).extracting(Finding::code, Finding::server).containsExactly(
                tuple(FindingCode.LAME_REFUSED, "ns2.example.com"),
                tuple(FindingCode.SINGLE_NAME_SERVER, "ns1.example.com"),
                tuple(FindingCode.SINGLE_NAME_SERVER, "ns2.example.com"));
    }

    @Test
    void failOnThresholdCountsTheWorseSeveritiesToo() {
        List<Finding> notice = findings(Scenarios.healthy()
                .server("127.0.2.2", q -> Replies.answer(q, "www.example.com. 60 IN A 192.0.2.80")));
        assertThat(Findings.anyAtLeast(notice, Severity.NOTICE)).isTrue();
        assertThat(Findings.anyAtLeast(notice, Severity.WARNING)).isFalse();
        List<Finding> error = findings(withAuth("127.0.2.2", q -> Replies.rcode(q, Rcode.REFUSED)));
        assertThat(Findings.anyAtLeast(error, Severity.WARNING)).isTrue();
        assertThat(Severity.parse("Warning")).isEqualTo(Severity.WARNING);
        assertThat(Severity.parse("fatal")).isNull();
    }

    private static List<FindingCode> codes(FakeNetwork net) {
        return findings(net).stream().map(Finding::code).toList();
    }
}
