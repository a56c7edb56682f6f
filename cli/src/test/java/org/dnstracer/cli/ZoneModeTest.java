package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Zone mode in the built-in lab: {@code --zone ZONE} checks every server of a zone (the parent's delegation and
 * the child's NS set), {@code --ns NAME[/ADDRESS]} checks a zone before it is delegated.
 */
class ZoneModeTest {
    private static final String[] UNDELEGATED_NS = {"--ns", "ns1.undelegated.faults.org/127.53.62.1", "--ns",
            "ns2.undelegated.faults.org/127.53.62.2"};

    private static CliRun lab(String... args) {
        List<String> argv = new ArrayList<>(List.of("--lab"));
        argv.addAll(List.of(args));
        return CliRun.of(argv.toArray(String[]::new));
    }

    private static List<String> findings(String... args) {
        List<String> argv = new ArrayList<>(List.of("--lab"));
        argv.addAll(List.of(args));
        return FindingLines.of(argv).stream().map(FindingLines.Line::withoutSeverity).toList();
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void zoneModeAsksTheServersOnlyTheChildsNsSetNames() {
        // the parent lists ns1-ns3; the child's NS set names ns4 (127.53.60.14), where nothing listens
        CliRun run = lab("--zone", "ns-mismatch.faults.org");
        assertThat(run.out()).startsWith("Tracing to ns-mismatch.faults.org[SOA] via a.root-servers.net");
        for (int i = 1; i <= 3; i++) {
            assertThat(run.out()).contains("ns" + i + ".ns-mismatch.faults.org [ns-mismatch.faults.org] (127.53.60.1"
                    + i + ") Got authoritative answer");
        }
        assertThat(run.out()).contains("ns1.faults.org [faults.org] (127.53.60.1) [followed with the child's NS set "
                + "of ns-mismatch.faults.org]");
        assertThat(findings("--zone", "ns-mismatch.faults.org")).containsExactly(
                "UNREACHABLE ns-mismatch.faults.org. ns4.ns-mismatch.faults.org (127.53.60.14)",
                "NS_ONLY_AT_PARENT ns-mismatch.faults.org. ns3.ns-mismatch.faults.org",
                "NS_ONLY_AT_CHILD ns-mismatch.faults.org. ns4.ns-mismatch.faults.org");
        // ns4 was named by the child, not delegated by the parent's servers
        assertThat(run.out()).contains("ns4.ns-mismatch.faults.org (127.53.60.14)  unreachable: "
                + "PortUnreachableException (delegated by the child's NS set)");
        // a trace of a name in the zone, probes and all, never meets ns4
        assertThat(lab("--check", "www.ns-mismatch.faults.org").out()).doesNotContain("127.53.60.14");
    }

    @Test
    void zoneModeRunsTheCheckProbesOnEveryServer() {
        assertThat(findings("--zone", "recursive.faults.org"))
                .containsExactly("RECURSION_AVAILABLE recursive.faults.org. ns1.recursive.faults.org (127.53.60.61)");
        assertThat(findings("--zone", "soa-timers.faults.org")).contains(
                "SOA_EXPIRE_BELOW_REFRESH soa-timers.faults.org. ns1.soa-timers.faults.org (127.53.60.236)",
                "SOA_EXPIRE_BELOW_REFRESH soa-timers.faults.org. ns2.soa-timers.faults.org (127.53.60.237)");
    }

    @Test
    void aHealthyZoneHasNoFindingsAndExitsZero() {
        CliRun run = lab("--zone", "example.com", "--fail-on", "notice");
        assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
        assertThat(run.out()).contains("ns1.example.com [example.com] (::1) Got authoritative answer",
                "ns3.example.com [example.com] (127.53.2.3) Got authoritative answer").contains("No findings");
    }

    @Test
    void exitStatusesOfZoneMode() {
        // every server lame: no answer of the zone
        assertThat(lab("--zone", "lame.com").status()).isEqualTo(Cli.NO_AUTHORITATIVE_ANSWER);
        assertThat(lab("--zone", "partly-lame.com").status()).isEqualTo(Cli.OK);
        assertThat(lab("--zone", "partly-lame.com", "--fail-on", "error").status()).isEqualTo(Cli.FINDINGS);
        // the parent's NXDOMAIN is no answer of the zone, and the run says what to do
        CliRun undelegated = lab("--zone", "undelegated.faults.org");
        assertThat(undelegated.status()).isEqualTo(Cli.NO_AUTHORITATIVE_ANSWER);
        assertThat(undelegated.out()).contains("No server of undelegated.faults.org answered for it (not delegated? "
                + "--ns NAME/ADDRESS checks a zone before its delegation exists)");
    }

    @Test
    void nsChecksAZoneBeforeItIsDelegated() {
        CliRun run = lab(with(new String[] {"--zone", "undelegated.faults.org"}, UNDELEGATED_NS));
        assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
        assertThat(run.out()).contains("ns1.faults.org [faults.org] (127.53.60.1) [undelegated: NXDOMAIN; servers of "
                + "undelegated.faults.org given by --ns]",
                "ns1.undelegated.faults.org [undelegated.faults.org] (127.53.62.1) Got authoritative answer",
                "ns2.undelegated.faults.org [undelegated.faults.org] (127.53.62.2) Lame server [REFUSED]");
        assertThat(findings(with(new String[] {"--zone", "undelegated.faults.org"}, UNDELEGATED_NS))).contains(
                "LAME_REFUSED undelegated.faults.org. ns2.undelegated.faults.org (127.53.62.2)",
                "RECURSION_AVAILABLE undelegated.faults.org. ns1.undelegated.faults.org (127.53.62.1)");
        assertThat(run.out()).contains("answered REFUSED for undelegated.faults.org. (delegated by --ns)");
        assertThat(lab(with(new String[] {"--zone", "undelegated.faults.org", "--fail-on", "error"}, UNDELEGATED_NS))
                .status()).isEqualTo(Cli.FINDINGS);
        assertThat(lab(with(new String[] {"--zone", "undelegated.faults.org", "--json"}, UNDELEGATED_NS)).out())
                .contains("\"detail\" : \"delegation given by --ns: ns1.undelegated.faults.org, "
                        + "ns2.undelegated.faults.org\"");
    }

    @Test
    void anNsNameWithoutAddressIsLookedUp() {
        CliRun run = lab("--zone", "undelegated.faults.org", "--ns", "ns1.undelegated.faults.org/127.53.62.1",
                "--ns", "ns2.faults.org");
        assertThat(run.out()).contains("ns2.faults.org [undelegated.faults.org] (127.53.60.2) Got authoritative "
                + "answer [NXDOMAIN]");
    }

    @Test
    void findingsAboutTheParentsDelegationTheUserReplacedAreNotRaised() {
        assertThat(findings("--zone", "missing-glue.faults.org"))
                .contains("GLUE_MISSING missing-glue.faults.org. ns2.missing-glue.faults.org");
        assertThat(findings("--zone", "missing-glue.faults.org", "--ns", "ns1.missing-glue.faults.org/127.53.60.31",
                "--ns", "ns2.missing-glue.faults.org/127.53.60.32")).isEmpty();
    }

    @Test
    void theChildsNsSetIsComparedWithTheGivenServers() {
        // the user forgot ns2: the child's NS set still names it, and it is asked
        CliRun run = lab("--zone", "undelegated.faults.org", "--ns", "ns1.undelegated.faults.org/127.53.62.1");
        assertThat(run.out()).contains("ns2.undelegated.faults.org [undelegated.faults.org] (127.53.62.2) Lame "
                + "server [REFUSED]", "answered REFUSED for undelegated.faults.org. (delegated by the child's NS set)");
        assertThat(findings("--zone", "undelegated.faults.org", "--ns", "ns1.undelegated.faults.org/127.53.62.1"))
                .contains("NS_ONLY_AT_CHILD undelegated.faults.org. ns2.undelegated.faults.org",
                        "LAME_REFUSED undelegated.faults.org. ns2.undelegated.faults.org (127.53.62.2)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--ns ns1.example.com/127.0.0.1 www.example.com|--ns checks a zone as if delegated to these servers: give the "
                + "zone with --zone ZONE",
        "--zone example.com www.example.com|--zone example.com checks that zone; no HOST ('www.example.com') as well",
        "--zone example.com -q MX|--zone asks every server of the zone for its SOA; -q does not go with it",
        "--zone example.com --ns ns1.example.com/nope|--ns ns1.example.com/nope: 'nope' is not an IP address (--ns "
                + "NAME or NAME/ADDRESS, as in ns1.example.com/192.0.2.1)",
        "--zone example.com --ns /127.0.0.1|--ns /127.0.0.1: no server name (--ns NAME or NAME/ADDRESS)",
        "--zone a..b|invalid --zone name 'a..b'",
        "--zone example.com --bulk -|--zone and --ns check one zone; not with --bulk (one name a line: --check)",
        "--explain LAME_REFUSED --zone example.com|--explain prints a finding code's documentation; no --zone as well",
        "--replay /nonexistent/saved.json --zone example.com|--replay takes what was asked from the saved trace: "
                + "--lab, --zone cannot be given with it",
    })
    void zoneModeUsageErrorsAreOneLine(String args, String message) {
        // --lab in every run: were a combination not refused, it would trace on loopback only
        CliRun run = lab(args.split(" "));
        assertThat(run.status()).as(run.err()).isEqualTo(Cli.USAGE);
        assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("dnstracer: " + message);
    }
}
