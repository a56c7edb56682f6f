package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our tracer against the original dnstracer 1.9 on the same questions, in the namespace lab
 * served by real BIND, NSD and Knot. Differences must be named by the scenario's allowances.
 */
@Tag("interop")
class ClassicComparisonInteropTest {
    private static final String BIND_ROOT = "127.54.0.1";
    private static final String NSD_ROOT = "127.54.0.2";
    private static final String KNOT_ROOT = "127.54.0.3";
    private static final AtomicInteger COMPARED = new AtomicInteger();
    private static InteropLab lab;
    private static String skipped;

    static Stream<Scenario> scenarios() {
        Set<Allowance> none = Set.of();
        return Stream.of(
                new Scenario("healthy via BIND root", BIND_ROOT, List.of(), "www.example.com", "example.com", none, 0),
                new Scenario("healthy via NSD root", NSD_ROOT, List.of(), "www.example.com", "example.com", none, 0),
                new Scenario("healthy via Knot root", KNOT_ROOT, List.of(), "www.example.com", "example.com", none, 0),
                new Scenario("healthy -4", BIND_ROOT, List.of("-4"), "www.example.com", "example.com", none, 0),
                new Scenario("glueless", NSD_ROOT, List.of(), "www.glueless.com", "glueless.com", none, 0),
                new Scenario("lame by REFUSED", KNOT_ROOT, List.of(), "www.lame.com", "lame.com",
                        Set.of(Allowance.RCODE_SHOWN), 1),
                new Scenario("lame by upward referral", BIND_ROOT, List.of(), "www.upward.com", "upward.com", none, 1),
                new Scenario("partly lame", NSD_ROOT, List.of(), "www.partlame.com", "partlame.com", none, 0),
                new Scenario("silent and unreachable", KNOT_ROOT, List.of(), "www.silent.com", "silent.com", none, 0),
                new Scenario("SERVFAIL", BIND_ROOT, List.of(), "www.broken.com", "broken.com",
                        Set.of(Allowance.RCODE_SHOWN), 1),
                new Scenario("NXDOMAIN", NSD_ROOT, List.of(), "nx.example.com", "example.com",
                        Set.of(Allowance.AA_EMPTY_SHOWN), null),
                new Scenario("NODATA", KNOT_ROOT, List.of("-q", "mx"), "www.example.com", "example.com",
                        Set.of(Allowance.AA_EMPTY_SHOWN), null),
                new Scenario("MX", BIND_ROOT, List.of("-q", "mx"), "example.com", "example.com", none, 0),
                new Scenario("NS", KNOT_ROOT, List.of("-q", "ns"), "example.com", "example.com", none, 0),
                new Scenario("AAAA", NSD_ROOT, List.of("-q", "aaaa"), "www.example.com", "example.com", none, 0),
                new Scenario("CNAME", KNOT_ROOT, List.of(), "alias.example.com", "example.com",
                        Set.of(Allowance.CNAME_TARGET_FOLLOWED), 0),
                new Scenario("big answer (EDNS)", BIND_ROOT, List.of(), "big.example.com", "example.com",
                        Set.of(Allowance.TRUNCATION_HANDLED), 0),
                new Scenario("huge answer (TCP)", NSD_ROOT, List.of(), "huge.example.com", "example.com",
                        Set.of(Allowance.TRUNCATION_HANDLED), 0),
                new Scenario("wide delegation", KNOT_ROOT, List.of(), "www.wide.com", "wide.com",
                        Set.of(Allowance.AAAA_GLUE_VIA_EDNS), 0),
                new Scenario("wide delegation -4", BIND_ROOT, List.of("-4"), "www.wide.com", "wide.com",
                        Set.of(Allowance.AAAA_GLUE_VIA_EDNS), 0),
                new Scenario("IPv6-only delegation", NSD_ROOT, List.of(), "www.v6only.com", "v6only.com", none, 0),
                new Scenario("IPv6-only delegation -4", KNOT_ROOT, List.of("-4"), "www.v6only.com", "v6only.com",
                        none, 1));
    }

    @BeforeAll
    static void startLab() throws Exception {
        skipped = InteropLab.missingRequirement().orElse(null);
        Skip.unless(Optional.ofNullable(skipped));
        lab = InteropLab.start();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
        System.out.println("interop: " + COMPARED.get() + " scenarios compared with dnstracer 1.9"
                + (skipped == null ? "" : " (skipped: " + skipped + ")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameTraceAsClassicUpToNamedAllowances(Scenario scenario) throws Exception {
        Command.Result classicRun = Tracers.classic(lab, scenario.tracerArgs());
        TraceOutput classic = TraceOutputParser.parse(classicRun.stdout());
        // the lab works: the classic tool reached the scenario's zone from the chosen root
        assertThat(classicRun.exit()).as(classicRun.describe()).isZero();
        assertThat(TraceFacts.of(classic).startIp()).as(classicRun.describe()).isEqualTo(scenario.root());
        assertThat(classic.mainTree()).as(classicRun.describe()).anyMatch(l -> scenario.zone().equals(l.zone()));

        Command.Result oursRun = Tracers.ours(lab, scenario.tracerArgs());
        TraceOutput ours = TraceOutputParser.parse(oursRun.stdout());
        String both = "\n=== classic: " + classicRun.describe() + "\n=== ours: " + oursRun.describe();
        assertThat(ours.headers()).as("our output has no trace" + both).isNotEmpty();
        Comparison comparison = Comparison.of(scenario, classic, ours);
        comparison.summary().forEach(line -> System.out.println("interop: " + scenario + ": " + line));
        assertThat(comparison.unexplained()).as("differences no allowance of '" + scenario + "' explains" + both)
                .isEmpty();
        if (scenario.ourExit() != null) {
            assertThat(oursRun.exit()).as("our exit status" + both).isEqualTo(scenario.ourExit());
        }
        COMPARED.incrementAndGet();
    }
}
