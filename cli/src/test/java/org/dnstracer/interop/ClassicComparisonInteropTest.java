package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our tracer against the original dnstracer 1.9 on the same questions, in the namespace lab
 * served by real BIND, NSD and Knot. Differences must be named by the scenario's allowances.
 */
@Tag("interop")
class ClassicComparisonInteropTest {
    private static final String BIND_ROOT = "127.54.0.1";
    private static final String NSD_ROOT = "127.54.0.2";
    private static final String KNOT_ROOT = "127.54.0.3";
    /** ns1.silent.com: interop/silent.py reads every query and answers none. */
    private static final String SILENT = "127.54.15.1";
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

    /**
     * {@code -r N} is the number of queries a silent server gets for one question, one {@code *} each, as in 1.9:
     * the hedge and the try without EDNS are among the N, not on top of them. The first line of the silent
     * ns1.silent.com has N stars in both tools; with {@code -C} its later line is (cached) in both, without a star.
     * Without {@code -C} 1.9 asks it again on the other path (N stars more) where we show it (cached): difference 2
     * of docs/differences-from-1.9.md, each question goes to each address once per run.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-r 1", "-r 2", "-r 2 -C"})
    void aSilentServerGetsOneStarPerTryAsInClassic(String options) throws Exception {
        List<String> args = new ArrayList<>(List.of(options.split(" ")));
        args.addAll(List.of("-t", "1", "-s", KNOT_ROOT, "www.silent.com"));
        int tries = Integer.parseInt(args.get(1));
        Command.Result classicRun = Tracers.classic(lab, args);
        Command.Result oursRun = Tracers.ours(lab, args);
        String both = "\n=== classic: " + classicRun.describe() + "\n=== ours: " + oursRun.describe();
        List<Integer> classic = starsOfSilentServer(classicRun);
        List<Integer> ours = starsOfSilentServer(oursRun);
        System.out.println("interop: " + options + ": stars of the silent server, classic " + classic + ", ours " + ours);
        // both trees reach the silent server on both paths of com
        assertThat(classic).as(both).hasSize(2);
        assertThat(ours).as(both).hasSize(2);
        assertThat(classic.get(0)).as("1.9's stars on the first visit" + both).isEqualTo(tries);
        assertThat(ours.get(0)).as("our stars on the first visit" + both).isEqualTo(classic.get(0));
        if (options.contains("-C")) {
            assertThat(ours).as(both).isEqualTo(classic);
        } else {
            assertThat(classic.get(1)).as(both).isEqualTo(tries);
            assertThat(ours.get(1)).as(both).isZero();
        }
    }

    /** The number of {@code *} on each line of the silent ns1.silent.com in the main tree, in tree order. */
    private static List<Integer> starsOfSilentServer(Command.Result run) {
        return TraceOutputParser.parse(run.stdout()).mainTree().stream()
                .filter(l -> SILENT.equals(l.ip()))
                .map(l -> (int) Pattern.compile("\\*").matcher(l.status()).results().count())
                .toList();
    }
}
