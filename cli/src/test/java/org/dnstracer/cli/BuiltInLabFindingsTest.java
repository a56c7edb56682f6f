package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each broken delegation of the built-in lab, traced through the command: exactly the findings it must name
 * (code, zone, server, address), and none on the healthy ones.
 */
class BuiltInLabFindingsTest {
    private static List<String> findings(String... args) {
        List<String> argv = new ArrayList<>(List.of("--lab"));
        argv.addAll(List.of(args));
        return FindingLines.of(argv).stream().map(FindingLines.Line::withoutSeverity).toList();
    }

    @Test
    void healthyDomainHasNoFindingsWithOrWithoutChecks() {
        assertThat(findings("www.example.com")).isEmpty();
        assertThat(findings("--check", "www.example.com")).isEmpty();
        assertThat(findings("--check", "www.faults.org")).isEmpty();
        assertThat(findings("--check", "www.glueless.com")).isEmpty();
        assertThat(findings("www.chain10.faults.org")).isEmpty();
    }

    @Test
    void openZoneTransfersAreNamedPerAddressWithAxfr() {
        assertThat(findings("--axfr", "www.example.com")).containsExactly(
                "AXFR_ALLOWED example.com. ns1.example.com (127.53.2.1)",
                "AXFR_ALLOWED example.com. ns1.example.com (::1)",
                "AXFR_ALLOWED example.com. ns2.example.com (127.53.2.2)",
                "AXFR_ALLOWED example.com. ns3.example.com (127.53.2.3)");
        assertThat(findings("--check", "--axfr", "www.axfr.faults.org"))
                .containsExactly("AXFR_ALLOWED axfr.faults.org. ns1.axfr.faults.org (127.53.60.101)");
    }

    @Test
    void lameServersEachWithTheirReason() {
        assertThat(findings("www.lame.com")).containsExactly(
                "LAME_REFUSED lame.com. ns1.lame.com (127.53.2.20)",
                "UPWARD_REFERRAL lame.com. ns2.lame.com (127.53.2.21)",
                "LAME_SAME_ZONE_REFERRAL lame.com. ns3.lame.com (127.53.2.22)");
        assertThat(findings("www.partly-lame.com")).containsExactly(
                "LAME_REFUSED partly-lame.com. ns2.partly-lame.com (127.53.2.31)",
                "LAME_REFUSED partly-lame.com. ns3.partly-lame.com (127.53.2.32)");
        assertThat(findings("www.servfail.com")).containsExactly("LAME_SERVFAIL servfail.com. ns1.servfail.com (127.53.2.80)");
        assertThat(findings("www.referral-loop.com")).containsExactly(
                "LAME_SAME_ZONE_REFERRAL referral-loop.com. ns1.referral-loop.com (127.53.2.90)",
                "LAME_SAME_ZONE_REFERRAL referral-loop.com. ns2.referral-loop.com (127.53.2.91)");
    }

    @Test
    void silentServerAndNameServerWithoutAddress() {
        assertThat(findings("-t", "0.3", "-r", "2", "www.timeout.com"))
                .containsExactly("UNRESPONSIVE_UDP timeout.com. ns2.timeout.com (127.53.2.71)");
        assertThat(findings("www.ns-loop.com")).containsExactly(
                "NS_NO_ADDRESS ns-loop.com. ns.ns-loop.net",
                "SINGLE_NAME_SERVER ns-loop.com. ns.ns-loop.net");
    }

    @Test
    void cnameLoopAndDisagreeingServers() {
        assertThat(findings("loop.cname-loop.com")).containsExactly(
                "CNAME_LOOP cname-loop.net. ns1.cname-loop.net (127.53.2.51)",
                "SINGLE_NAME_SERVER cname-loop.com. ns1.cname-loop.com",
                "SINGLE_NAME_SERVER cname-loop.net. ns1.cname-loop.net");
        // the older serial comes with other data: a stale secondary (warning); the other data alone is a notice
        assertThat(findings("--check", "www.disagree.com")).containsExactly(
                "SOA_SERIAL_MISMATCH disagree.com. ns2.disagree.com (127.53.2.61)",
                "ANSWER_MISMATCH disagree.com. ns2.disagree.com (127.53.2.61)");
    }

    @Test
    void nameDeniedByALaggingSecondaryIsAWarningAndSoIsItsSerial() {
        assertThat(findings("--check", "www.denied.faults.org")).containsExactly(
                "NXDOMAIN_MISMATCH denied.faults.org. ns2.denied.faults.org (127.53.60.232)",
                "SOA_SERIAL_MISMATCH denied.faults.org. ns2.denied.faults.org (127.53.60.232)");
    }

    @Test
    void soaTimersAgainstZonemastersDefaultProfileAtEveryAddress() {
        // refresh 7200, retry 10800, expire 3600, minimum 172800: warnings first, then each address's notices
        assertThat(findings("--check", "www.soa-timers.faults.org")).containsExactly(
                "SOA_EXPIRE_BELOW_REFRESH soa-timers.faults.org. ns1.soa-timers.faults.org (127.53.60.236)",
                "SOA_EXPIRE_BELOW_REFRESH soa-timers.faults.org. ns2.soa-timers.faults.org (127.53.60.237)",
                "SOA_REFRESH_BELOW_RETRY soa-timers.faults.org. ns1.soa-timers.faults.org (127.53.60.236)",
                "SOA_EXPIRE_TOO_SHORT soa-timers.faults.org. ns1.soa-timers.faults.org (127.53.60.236)",
                "SOA_NEGATIVE_TTL_TOO_LONG soa-timers.faults.org. ns1.soa-timers.faults.org (127.53.60.236)",
                "SOA_REFRESH_BELOW_RETRY soa-timers.faults.org. ns2.soa-timers.faults.org (127.53.60.237)",
                "SOA_EXPIRE_TOO_SHORT soa-timers.faults.org. ns2.soa-timers.faults.org (127.53.60.237)",
                "SOA_NEGATIVE_TTL_TOO_LONG soa-timers.faults.org. ns2.soa-timers.faults.org (127.53.60.237)");
        // without --check no SOA is asked for
        assertThat(findings("www.soa-timers.faults.org")).isEmpty();
    }

    @Test
    void soaNamesAndNameServerNames() {
        assertThat(findings("--check", "www.soa-names.faults.org")).containsExactly(
                "SOA_RNAME_INVALID soa-names.faults.org. ns1.soa-names.faults.org (127.53.60.241)",
                "SOA_RNAME_INVALID soa-names.faults.org. ns2.soa-names.faults.org (127.53.60.242)",
                "SOA_MNAME_NOT_IN_NS soa-names.faults.org. ns1.soa-names.faults.org (127.53.60.241)",
                "SOA_MNAME_NOT_IN_NS soa-names.faults.org. ns2.soa-names.faults.org (127.53.60.242)");
        assertThat(findings("--check", "www.ns-names.faults.org")).containsExactly(
                "NS_SHARED_ADDRESS ns-names.faults.org. ns2.ns-names.faults.org (127.53.60.247)",
                "NS_NAME_ILLEGAL ns-names.faults.org. ns_1.ns-names.faults.org");
    }

    @Test
    void cnameToANameThatDoesNotExistIsANoticeNamingTheTarget() {
        assertThat(findings("www.dangling.faults.org")).containsExactly(
                "CNAME_DANGLING dangling.faults.org. ns1.dangling.faults.org (127.53.60.251)",
                "CNAME_DANGLING dangling.faults.org. ns2.dangling.faults.org (127.53.60.252)");
        // denied in its own zone: the chain ends there, it is not cut short
        assertThat(findings("old.dangling.faults.org")).containsExactly(
                "CNAME_DANGLING dangling.faults.org. ns1.dangling.faults.org (127.53.60.251)",
                "CNAME_DANGLING dangling.faults.org. ns2.dangling.faults.org (127.53.60.252)");
        assertThat(CliRun.of("--lab", "old.dangling.faults.org").out())
                .contains("answered old.dangling.faults.org CNAME removed.dangling.faults.org, a name that does not "
                        + "exist (NXDOMAIN in the same reply)");
    }

    @Test
    void parentAndChildNameServerSets() {
        assertThat(findings("--check", "www.ns-mismatch.faults.org")).containsExactly(
                "NS_ONLY_AT_PARENT ns-mismatch.faults.org. ns3.ns-mismatch.faults.org",
                "NS_ONLY_AT_CHILD ns-mismatch.faults.org. ns4.ns-mismatch.faults.org");
        assertThat(findings("--check", "www.ns-disagree.faults.org")).containsExactly(
                "NS_ONLY_AT_CHILD ns-disagree.faults.org. ns3.ns-disagree.faults.org",
                "NS_CHILD_SERVERS_DISAGREE ns-disagree.faults.org. ns2.ns-disagree.faults.org (127.53.60.17)",
                // ns1's copy, which the look-up asks first, has no ns3: NXDOMAIN
                "NS_NAME_UNRESOLVABLE ns-disagree.faults.org. ns3.ns-disagree.faults.org");
        assertThat(findings("--check", "www.ns-cname.faults.org"))
                .containsExactly("NS_IS_CNAME ns-cname.faults.org. alias.ns-cname.faults.org (127.53.60.52)");
    }

    @Test
    void glueAgainstTheChild() {
        assertThat(findings("--check", "www.glue-mismatch.faults.org"))
                .containsExactly("GLUE_MISMATCH glue-mismatch.faults.org. ns2.glue-mismatch.faults.org (127.53.60.22)");
        assertThat(findings("www.missing-glue.faults.org"))
                .containsExactly("GLUE_MISSING missing-glue.faults.org. ns2.missing-glue.faults.org");
    }

    @Test
    void primaryThatDoesNotResolveOrRefusesTheZoneIsANoticeNamingIt() {
        assertThat(findings("--check", "www.mname-gone.faults.org")).containsExactly(
                "SOA_MNAME_NOT_IN_NS mname-gone.faults.org. ns1.mname-gone.faults.org (127.53.67.1)",
                "SOA_MNAME_NOT_IN_NS mname-gone.faults.org. ns2.mname-gone.faults.org (127.53.67.2)",
                "SOA_MNAME_UNRESOLVABLE mname-gone.faults.org. primary.mname-gone.faults.org");
        assertThat(findings("--check", "www.mname-lame.faults.org")).containsExactly(
                "SOA_MNAME_NOT_IN_NS mname-lame.faults.org. ns1.mname-lame.faults.org (127.53.67.6)",
                "SOA_MNAME_NOT_IN_NS mname-lame.faults.org. ns2.mname-lame.faults.org (127.53.67.7)",
                "SOA_MNAME_NOT_AUTHORITATIVE mname-lame.faults.org. primary.mname-lame.faults.org (127.53.67.8)");
        // a hidden primary that answers for the zone is only not in the NS set (soaNamesAndNameServerNames)
    }

    @Test
    void hiddenPrimaryWithAnOlderSerialThanItsSecondariesIsANoticeNamingIt() {
        assertThat(findings("--check", "www.mname-behind.faults.org")).containsExactly(
                "SOA_MNAME_NOT_IN_NS mname-behind.faults.org. ns1.mname-behind.faults.org (127.53.67.26)",
                "SOA_MNAME_NOT_IN_NS mname-behind.faults.org. ns2.mname-behind.faults.org (127.53.67.27)",
                "SOA_MNAME_SERIAL_BEHIND mname-behind.faults.org. primary.mname-behind.faults.org (127.53.67.28)");
    }

    @Test
    void childOnlyNameServersThatGiveNoServerAreNamedFromTheirOwnZones() {
        assertThat(findings("--check", "www.ns-child.faults.org")).containsExactly(
                "NS_IS_CNAME ns-child.faults.org. alias.ns-cname.faults.org",
                "NS_ONLY_AT_CHILD ns-child.faults.org. gone.dns-host.net",
                "NS_ONLY_AT_CHILD ns-child.faults.org. ns3.ns-child.faults.org",
                "NS_ONLY_AT_CHILD ns-child.faults.org. alias.ns-cname.faults.org",
                "NS_NAME_UNRESOLVABLE ns-child.faults.org. ns3.ns-child.faults.org",
                "NS_NAME_UNRESOLVABLE ns-child.faults.org. gone.dns-host.net");
    }

    @Test
    void siblingGlueIsComparedWithTheNamesOwnZone() {
        assertThat(findings("--check", "www.sibling-glue.faults.org")).containsExactly(
                "GLUE_MISMATCH sibling-glue.faults.org. ns2.glue-mismatch.faults.org (127.53.60.22)",
                "NS_NAME_UNRESOLVABLE sibling-glue.faults.org. ghost.ns-child.faults.org");
        // without --check the glue is only used, not judged
        assertThat(findings("www.sibling-glue.faults.org")).isEmpty();
    }

    @Test
    void mailExchangerThatIsAnAliasIsANotice() {
        assertThat(findings("--check", "www.mx-cname.faults.org"))
                .containsExactly("MX_IS_CNAME mx-cname.faults.org. mail.mx-cname.faults.org");
    }

    @Test
    void staleSecondaryIsNamedWithItsSerialAndFields() {
        assertThat(findings("--check", "www.stale.faults.org")).containsExactly(
                "SOA_SERIAL_MISMATCH stale.faults.org. ns2.stale.faults.org (127.53.60.42)",
                "SOA_FIELDS_MISMATCH stale.faults.org. ns2.stale.faults.org (127.53.60.42)",
                "ANSWER_MISMATCH stale.faults.org. ns2.stale.faults.org (127.53.60.42)");
    }

    @Test
    void protocolFaultsOfOneServer() {
        assertThat(findings("--check", "www.recursive.faults.org"))
                .containsExactly("RECURSION_AVAILABLE recursive.faults.org. ns1.recursive.faults.org (127.53.60.61)");
        assertThat(findings("--check", "www.no-tcp.faults.org"))
                .containsExactly("UNRESPONSIVE_TCP no-tcp.faults.org. ns1.no-tcp.faults.org (127.53.60.71)");
        assertThat(findings("--check", "www.no-edns.faults.org"))
                .containsExactly("EDNS_NOT_SUPPORTED no-edns.faults.org. ns1.no-edns.faults.org (127.53.60.81)");
        assertThat(findings("--check", "www.no-badvers.faults.org"))
                .containsExactly("EDNS_BADVERS_MISSING no-badvers.faults.org. ns1.no-badvers.faults.org (127.53.60.86)");
        assertThat(findings("--check", "www.echo-edns.faults.org")).containsExactly(
                "EDNS_UNKNOWN_OPTION_MISHANDLED echo-edns.faults.org. ns1.echo-edns.faults.org (127.53.60.88)",
                "EDNS_UNKNOWN_FLAG_MISHANDLED echo-edns.faults.org. ns1.echo-edns.faults.org (127.53.60.88)");
        assertThat(findings("--check", "www.drop-opcode.faults.org")).containsExactly(
                "UNKNOWN_OPCODE_NOT_NOTIMP drop-opcode.faults.org. ns1.drop-opcode.faults.org (127.53.60.96)");
        assertThat(findings("--check", "www.bad-types.faults.org")).containsExactly(
                "AAAA_QUERY_MISHANDLED bad-types.faults.org. ns1.bad-types.faults.org (127.53.60.106)",
                "UNKNOWN_TYPE_MISHANDLED bad-types.faults.org. ns1.bad-types.faults.org (127.53.60.106)");
        assertThat(findings("--check", "www.version.faults.org")).containsExactly(
                "SOFTWARE_VERSION_DISCLOSED version.faults.org. ns1.version.faults.org (127.53.60.116)");
        assertThat(findings("--check", "www.case.faults.org")).containsExactly(
                "QNAME_CASE_NOT_PRESERVED case.faults.org. ns1.case.faults.org (127.53.60.126)");
        assertThat(findings("--check", "www.big-referral.faults.org")).containsExactly(
                "NS_SHARED_ADDRESS big-referral.faults.org. ns01-with-a-rather-long-label.big-referral.faults.org "
                        + "(127.53.60.91)",
                "REFERRAL_TRUNCATED_WITHOUT_EDNS big-referral.faults.org. ns1.faults.org (127.53.60.1)",
                "REFERRAL_TRUNCATED_WITHOUT_EDNS big-referral.faults.org. ns2.faults.org (127.53.60.2)",
                "SAME_PREFIX big-referral.faults.org. -");
    }

    @Test
    void doTcpAndSmallBufferProbesOfOneServer() {
        assertThat(findings("--check", "www.no-do.faults.org"))
                .containsExactly("EDNS_DO_MISHANDLED no-do.faults.org. ns1.no-do.faults.org (127.53.60.131)");
        assertThat(findings("--check", "www.rrsig.faults.org")).containsExactly(
                "DNSSEC_RECORDS_WITHOUT_DO rrsig.faults.org. ns1.rrsig.faults.org (127.53.60.136)");
        assertThat(findings("--check", "www.edns-tcp.faults.org")).containsExactly(
                "EDNS_OVER_TCP_MISHANDLED edns-tcp.faults.org. ns1.edns-tcp.faults.org (127.53.60.141)");
        // ns2 truncates the same DNSKEY reply to the 512-octet buffer and answers it over TCP: no finding
        assertThat(findings("--check", "www.bufsize.faults.org")).containsExactly(
                "EDNS_SMALL_BUFFER_MISHANDLED bufsize.faults.org. ns1.bufsize.faults.org (127.53.60.146)");
        // ns1 truncates the same DNSKEY reply but leaves the OPT record out (Zonemaster NAMESERVER13); the zone's long
        // SOA MNAME (there for Zonemaster's SOA query, see the zone file) is ns1's address under another name
        assertThat(findings("--check", "www.tc-no-opt.faults.org")).containsExactly(
                "TRUNCATED_REPLY_WITHOUT_OPT tc-no-opt.faults.org. ns1.tc-no-opt.faults.org (127.53.60.151)",
                "SOA_MNAME_NOT_IN_NS tc-no-opt.faults.org. ns1.tc-no-opt.faults.org (127.53.60.151)",
                "SOA_MNAME_NOT_IN_NS tc-no-opt.faults.org. ns2.tc-no-opt.faults.org (127.53.60.152)");
        // no-tcp.faults.org has the same large DNSKEY set: truncated, then no TCP, is the one TCP finding
        assertThat(findings("--check", "www.no-tcp.faults.org"))
                .containsExactly("UNRESPONSIVE_TCP no-tcp.faults.org. ns1.no-tcp.faults.org (127.53.60.71)");
        // signed zones served with DO=1 (-D) give none of them
        assertThat(findings("--check", "-D", "www.secure.dnssec.org")).noneMatch(f -> f.startsWith("EDNS_")
                || f.startsWith("DNSSEC_RECORDS_WITHOUT_DO") || f.startsWith("UNRESPONSIVE_TCP"));
    }

    @Test
    void singleNameServerAndSlowServer() {
        assertThat(findings("--check", "www.single.faults.org"))
                .containsExactly("SINGLE_NAME_SERVER single.faults.org. ns1.single.faults.org");
        // ns3 answers 600 ms late, its siblings at once: far beyond the 250 ms and 4-times bounds
        assertThat(findings("www.slow.faults.org"))
                .containsExactly("SLOW_SERVER slow.faults.org. ns3.slow.faults.org (127.53.60.123)");
    }

    @Test
    void replyFaultsOfTheHostileServers() {
        assertThat(findings("www.compression-loop.hostile.net")).containsExactly(
                "MALFORMED_REPLY compression-loop.hostile.net. ns.compression-loop.hostile.net (127.53.66.13)",
                "SINGLE_NAME_SERVER hostile.net. ns1.hostile.net",
                "SINGLE_NAME_SERVER compression-loop.hostile.net. ns.compression-loop.hostile.net");
        // truncated, and TCP refused: a TCP fault, not a server error
        assertThat(findings("www.tc-no-tcp.hostile.net")).containsExactly(
                "UNRESPONSIVE_TCP tc-no-tcp.hostile.net. ns.tc-no-tcp.hostile.net (127.53.66.15)",
                "SINGLE_NAME_SERVER hostile.net. ns1.hostile.net",
                "SINGLE_NAME_SERVER tc-no-tcp.hostile.net. ns.tc-no-tcp.hostile.net");
        // TC=1 even over TCP: TCP answered, with nothing in it, which is the server's error
        assertThat(findings("www.tc-over-tcp.hostile.net")).containsExactly(
                "SERVER_ERROR tc-over-tcp.hostile.net. ns.tc-over-tcp.hostile.net (127.53.66.16)",
                "SINGLE_NAME_SERVER hostile.net. ns1.hostile.net",
                "SINGLE_NAME_SERVER tc-over-tcp.hostile.net. ns.tc-over-tcp.hostile.net");
    }

    @Test
    void notauthAndUnrelatedReferralAreLameEachWithItsCode() {
        assertThat(findings("www.notauth.faults.org"))
                .containsExactly("LAME_NOTAUTH notauth.faults.org. ns2.notauth.faults.org (127.53.60.222)");
        assertThat(findings("www.unrelated.faults.org"))
                .containsExactly("LAME_UNRELATED_REFERRAL unrelated.faults.org. ns2.unrelated.faults.org (127.53.60.227)");
    }

    @Test
    void glueWhereNothingListensIsUnreachable() {
        assertThat(findings("www.unreachable.faults.org"))
                .containsExactly("UNREACHABLE unreachable.faults.org. ns2.unreachable.faults.org (127.53.60.202)");
    }

    @Test
    void resolverDelegatedAsNameServerIsNotAuthoritative() {
        assertThat(findings("www.not-auth.faults.org"))
                .containsExactly("LAME_NOT_AUTHORITATIVE not-auth.faults.org. ns2.not-auth.faults.org (127.53.60.207)");
        // a resolver offers recursion, and answers EDNS version 1 with BADVERS as BIND and Unbound do
        assertThat(findings("--check", "www.not-auth.faults.org")).containsExactly(
                "LAME_NOT_AUTHORITATIVE not-auth.faults.org. ns2.not-auth.faults.org (127.53.60.207)",
                "RECURSION_AVAILABLE not-auth.faults.org. ns2.not-auth.faults.org (127.53.60.207)");
    }

    @Test
    void copiesDifferingOnlyInTtlAreATtlMismatch() {
        assertThat(findings("www.ttl.faults.org"))
                .containsExactly("TTL_MISMATCH ttl.faults.org. ns2.ttl.faults.org (127.53.60.212)");
    }

    @Test
    void cnameChainOfTenZonesIsCutAndNamed() {
        assertThat(findings("www.chain1.faults.org")).containsExactly(
                "CNAME_CHAIN_TOO_LONG chain9.faults.org. chain-ns1.faults.org (127.53.60.216)",
                "CNAME_CHAIN_TOO_LONG chain9.faults.org. chain-ns2.faults.org (127.53.60.217)");
    }

    @Test
    void failOnTurnsFindingsIntoExitStatusFour() {
        assertThat(CliRun.of("--lab", "--fail-on", "error", "www.partly-lame.com").status()).isEqualTo(4);
        assertThat(CliRun.of("--lab", "--fail-on", "error", "www.single.faults.org").status()).isZero();
        assertThat(CliRun.of("--lab", "--fail-on", "warning", "www.single.faults.org").status()).isEqualTo(4);
        assertThat(CliRun.of("--lab", "--fail-on", "notice", "www.example.com").status()).isZero();
        assertThat(CliRun.of("--lab", "--fail-on", "notice", "www.lame.com").status()).isEqualTo(4);
        CliRun bad = CliRun.of("--lab", "--fail-on", "fatal", "www.example.com");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("dnstracer: --fail-on must be error, warning or notice, not 'fatal'\n");
    }

    @Test
    void jsonCarriesTheFindings() {
        String json = CliRun.of("--lab", "--json", "www.servfail.com").out();
        assertThat(json).contains(String.join("\n",
                "  \"findings\" : [ {",
                "    \"severity\" : \"error\",",
                "    \"code\" : \"LAME_SERVFAIL\",",
                "    \"zone\" : \"servfail.com.\",",
                "    \"server\" : \"ns1.servfail.com\",",
                "    \"address\" : \"127.53.2.80\",",
                "    \"message\" : \"answered SERVFAIL for servfail.com.\",",
                "    \"evidence\" : [ \"delegated by a.gtld-servers.net, b.gtld-servers.net\" ]",
                "  } ],"));
    }
}
