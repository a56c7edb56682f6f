package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each scenario of the built-in lab, traced through the command, with the outcome the tracer must show. */
class BuiltInLabTraceTest {
    private static CliRun lab(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "--lab";
        System.arraycopy(args, 0, argv, 1, args.length);
        return CliRun.of(argv);
    }

    /** Traces and checks the exit status: 0 when some server answered authoritatively. */
    private static String traced(int status, String... args) {
        CliRun run = lab(args);
        assertThat(run.status()).as("exit status of %s; stderr: %s", String.join(" ", args), run.err()).isEqualTo(status);
        assertThat(run.err()).isEmpty();
        return run.out();
    }

    @Test
    void healthyDomainAnswersFromEveryServerAndAddress() {
        CliRun run = lab("-o", "www.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("|\\___ ns1.example.com [example.com] (127.53.2.1) Got authoritative answer \n")
                .contains("|\\___ ns1.example.com [example.com] (::1) Got authoritative answer \n")
                .contains(" \\___ ns3.example.com [example.com] (127.53.2.3) Got authoritative answer \n")
                .contains("  \\___ b.gtld-servers.net [com] (127.53.1.2) \n")
                .contains("ns1.example.com (::1)                   www.example.com -> 192.0.2.80\n");
    }

    @Test
    void commonRecordTypesAreAnsweredAndPrintedInPresentationForm() {
        assertThat(traced(0, "-o", "-q", "MX", "example.com")).contains("example.com -> 10 mail.example.com\n");
        assertThat(traced(0, "-o", "-q", "SRV", "_sip._udp.example.com"))
                .contains("_sip._udp.example.com -> 10 60 5060 sip.example.com\n");
        assertThat(traced(0, "-o", "-q", "AAAA", "www.example.com")).contains("www.example.com -> 2001:db8::80\n");
        assertThat(traced(0, "-o", "-q", "TXT", "example.com")).containsPattern("example.com -> \"[^\n]*\"\n");
    }

    @Test
    void wildcardAnswers() {
        assertThat(traced(0, "-o", "x.wild.example.com")).contains("x.wild.example.com -> 192.0.2.99\n");
    }

    @Test
    void nxdomainAndNodataAreAuthoritativeAnswers() {
        CliRun nx = lab("nope.example.com");
        assertThat(nx.status()).isZero();
        assertThat(nx.out()).contains("(127.53.2.1) Got authoritative answer [NXDOMAIN] \n");
        assertThat(traced(0, "-q", "SRV", "www.example.com")).contains("(127.53.2.1) Got authoritative answer [NODATA] \n");
    }

    @Test
    void answerTooBigForUdpIsFetchedOverTcp() {
        assertThat(traced(0, "-q", "TXT", "big.example.com"))
                .contains("(127.53.2.1) Got authoritative answer [truncated, retried over TCP] \n");
    }

    @Test
    void mediumAnswerFitsWithEdnsButNotWithout() {
        assertThat(traced(0, "-q", "TXT", "medium.example.com")).doesNotContain("truncated")
                .contains("(127.53.2.1) Got authoritative answer \n");
        assertThat(traced(0, "--no-edns", "-q", "TXT", "medium.example.com"))
                .contains("(127.53.2.1) Got authoritative answer [truncated, retried over TCP] \n");
    }

    @Test
    void reverseLookupsOfIpv4AndIpv6() {
        assertThat(traced(0, "-o", "192.0.2.80"))
                .contains("[2.0.192.in-addr.arpa] (127.53.2.1) Got authoritative answer \n")
                .contains("80.2.0.192.in-addr.arpa -> www.example.com\n");
        assertThat(traced(0, "-o", "2001:db8::80")).contains("[8.b.d.0.1.0.0.2.ip6.arpa] (127.53.2.1) Got authoritative answer \n");
    }

    @Test
    void gluelessNameServersAreLookedUpInTheLab() {
        CliRun run = lab("www.glueless.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("ns1.dns-host.net [glueless.com] (127.53.2.10) Got authoritative answer \n")
                .contains("ns2.dns-host.net [glueless.com] (127.53.2.11) Got authoritative answer \n");
    }

    @Test
    void lameDelegationShowsEachKindOfLameness() {
        CliRun run = lab("www.lame.com");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("ns1.lame.com [lame.com] (127.53.2.20) Lame server [REFUSED] \n")
                .contains("ns2.lame.com [lame.com] (127.53.2.21) Refers backwards [to .] \n")
                .contains("ns3.lame.com [lame.com] (127.53.2.22) Lame server [referral to same zone] \n");
    }

    @Test
    void partlyLameDelegationStillAnswers() {
        CliRun run = lab("www.partly-lame.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("(127.53.2.30) Got authoritative answer \n")
                .contains("(127.53.2.31) Lame server [REFUSED] \n");
    }

    @Test
    void cnameChainAcrossZonesIsFollowedToTheEnd() {
        CliRun run = lab("-o", "www.cname-chain.com");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("Tracing to alias.chain-target.net[A] via a.root-servers.net, maximum of 3 retries "
                        + "(CNAME target of www.cname-chain.com)\n")
                .contains("Tracing to final.example.org[A] via a.root-servers.net, maximum of 3 retries "
                        + "(CNAME target of alias.chain-target.net)\n")
                .contains("final.example.org -> 192.0.2.200\n");
    }

    @Test
    void cnameWithTheTargetInTheSameAnswerNeedsNoFurtherSection() {
        assertThat(traced(0, "-o", "web.example.com"))
                .contains("(127.53.2.1) Got authoritative answer [received type is CNAME] \n")
                .contains("web.example.com -> www.example.com\n")
                .contains("www.example.com -> 192.0.2.80\n")
                .doesNotContain("CNAME target of");
    }

    @Test
    void cnameLoopIsReported() {
        CliRun run = lab("loop.cname-loop.com");
        assertThat(run.out()).contains("Tracing to loop.cname-loop.net[A]")
                .contains("error   CNAME_LOOP  cname-loop.net.  ns1.cname-loop.net (127.53.2.51)  answered "
                        + "loop.cname-loop.net CNAME loop.cname-loop.com, a name already traced: the chain loops")
                .doesNotContain("Warning:");
        assertThat(run.status()).isZero();
    }

    @Test
    void disagreeingServersShowTheirOwnAnswers() {
        CliRun run = lab("-o", "www.disagree.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("ns1.disagree.com (127.53.2.60)          www.disagree.com -> 192.0.2.61\n")
                .contains("ns2.disagree.com (127.53.2.61)          www.disagree.com -> 192.0.2.62\n")
                .contains("notice  ANSWER_MISMATCH  disagree.com.  ns2.disagree.com (127.53.2.61)  answered "
                        + "www.disagree.com A differently from ns1.disagree.com (127.53.2.60) (www.disagree.com A "
                        + "192.0.2.61 from ns1.disagree.com (127.53.2.60); www.disagree.com A 192.0.2.62 from "
                        + "ns2.disagree.com (127.53.2.61); delegated by a.gtld-servers.net, b.gtld-servers.net)\n");
        assertThat(traced(0, "www.example.com")).contains("(127.53.2.3) Got authoritative answer \n")
                .doesNotContain("Warning").doesNotContain("Findings");
        String soa = traced(0, "-o", "-q", "SOA", "disagree.com");
        assertThat(soa.lines().filter(l -> l.contains("disagree.com -> ")).map(l -> l.substring(l.indexOf("-> ") + 3).split(" ")[2]).distinct())
                .hasSize(2);
    }

    @Test
    void deepDelegationIsFollowedThroughEveryCut() {
        assertThat(traced(0, "www.e.d.c.b.a.deep.org")).contains(
                " |                                    \\___ ns1.e.d.c.b.a.deep.org [e.d.c.b.a.deep.org] (127.53.3.6) "
                        + "Got authoritative answer \n");
    }

    @Test
    void wideDelegationAsksAllThirteenServers() {
        String out = traced(0, "www.wide.net");
        assertThat(out.lines().filter(l -> l.contains("[wide.net]") && l.endsWith("Got authoritative answer ")))
                .hasSize(13);
    }

    @Test
    void silentServerTimesOutWithoutHidingTheOthers() {
        CliRun run = lab("-t", "1", "-r", "2", "www.timeout.com");
        assertThat(run.status()).isZero();
        // -r 2: two queries, the second without EDNS (a server that drops EDNS queries would answer that one)
        assertThat(run.out()).contains("ns2.timeout.com [timeout.com] (127.53.2.71) * * [timeout] \n")
                .contains("ns1.timeout.com [timeout.com] (127.53.2.70) Got authoritative answer \n");
    }

    @Test
    void servfailIsLame() {
        assertThat(traced(0, "www.servfail.com")).contains("(127.53.2.80) Lame server [SERVFAIL] \n")
                .contains("(127.53.2.81) Got authoritative answer \n");
    }

    @Test
    void gluelessDelegationLoopEndsWithNoAddress() {
        CliRun run = lab("www.ns-loop.com");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("ns.ns-loop.net [ns-loop.com] (No IP address)\n");
    }

    @Test
    void serversReferringToEachOtherAreLame() {
        CliRun run = lab("www.referral-loop.com");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("(127.53.2.90) Lame server [referral to same zone] \n");
    }

    @Test
    void aResolverThatAnswersWithoutReferralsLeadsToTheZonesServers() {
        CliRun run = lab("-s", "127.53.30.1", "www.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("""
                Tracing to www.example.com[A] via 127.53.30.1, maximum of 3 retries
                127.53.30.1 (127.53.30.1) Got answer [no referral; servers of example.com found through it]\s
                 |\\___ ns1.example.com [example.com] (127.53.2.1) Got authoritative answer\s
                """).contains("  \\___ ns3.example.com [example.com] (127.53.2.3) Got authoritative answer \n")
                .doesNotContain("Findings:");
    }

    @Test
    void aResolverThatRefusesQueriesWithoutRecursionIsAskedWithIt() {
        CliRun run = lab("-s", "127.53.30.2", "www.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("127.53.30.2 (127.53.30.2) Error [REFUSED] [no referral; servers of example.com found "
                        + "through it] \n")
                .contains("  \\___ ns3.example.com [example.com] (127.53.2.3) Got authoritative answer \n")
                .doesNotContain("Findings:");
        assertThat(lab("--json", "-s", "127.53.30.2", "www.example.com").out())
                .containsPattern("\"outcome\" : \"server-error\",\\s*\"referralZone\" : \"example.com.\",\\s*"
                        + "\"detail\" : \"REFUSED\",\\s*\"foundThroughResolver\" : true");
    }
}
