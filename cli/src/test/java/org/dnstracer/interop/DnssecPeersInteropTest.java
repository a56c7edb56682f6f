package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Our {@code -D} per-zone verdicts against BIND's delv and ldns' drill -TD (per zone) and drill -S (the answer), all with the lab root's key as the
 * only trust anchor, on the zones interop/sign-zones.sh signs with dnssec-signzone at lab start (see its header).
 * Every zone of our chain is compared with both; a difference fails unless the scenario names its allowance.
 */
@Tag("interop")
class DnssecPeersInteropTest {
    static final String DRILL_CHASE = "drill -S";
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final AtomicInteger ZONES = new AtomicInteger();
    private static final AtomicInteger SCENARIOS = new AtomicInteger();
    private static InteropLab lab;
    private static String skipped;

    /**
     * {@code name} (A) is asked, answered from the leaf {@code zone} under sec; {@code expected}: our verdict for it
     * (the root and sec are secure); {@code problems}: exactly the DNSSEC problems our JSON must report ("CODE ADDRESS").
     */
    record Scenario(String name, String zone, String expected, Set<String> problems, Set<DnssecAllowance> allowances) {
        @Override
        public String toString() {
            return name();
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("www.ok.sec", "ok.sec", "secure", Set.of(), Set.of()),
                new Scenario("nx.ok.sec", "ok.sec", "secure", Set.of(), Set.of()),
                new Scenario("www.unsigned.sec", "unsigned.sec", "insecure", Set.of(),
                        Set.of(DnssecAllowance.DRILL_CHASE_HAS_NO_INSECURE)),
                new Scenario("www.expired.sec", "expired.sec", "bogus", onEveryLeafServer("DNSSEC_RRSIG_EXPIRED"),
                        Set.of()),
                new Scenario("www.dsmismatch.sec", "dsmismatch.sec", "bogus",
                        onEveryLeafServer("DNSSEC_DS_NO_MATCHING_DNSKEY"), Set.of()),
                // NSD (ns2.sec, 127.54.51.2) serves the copy with expired signatures, BIND and Knot a fresh one
                new Scenario("www.mixed.sec", "mixed.sec", "bogus", Set.of("DNSSEC_RRSIG_EXPIRED 127.54.51.2"),
                        Set.of(DnssecAllowance.PER_SERVER_VERSUS_PER_ANSWER)));
    }

    /** ns1.sec, ns2.sec, ns3.sec: BIND, NSD, Knot. */
    private static Set<String> onEveryLeafServer(String code) {
        return Set.of(code + " 127.54.51.1", code + " 127.54.51.2", code + " 127.54.51.3");
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
        System.out.println("interop: dnssec: " + ZONES.get() + " zones compared with delv and drill ("
                + SCENARIOS.get() + " scenarios)" + (skipped == null ? "" : " (skipped: " + skipped + ")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void verdictsAgreeWithDelvAndDrill(Scenario scenario) throws Exception {
        Path anchor = lab.signedDir().resolve("root.key");
        // three tries: a single short one can time out on a loaded machine, and the plain query after that gets no
        // signatures (the DNSKEY is then indeterminate, not the verdict to compare)
        Command.Result oursRun = Tracers.ours(lab, List.of("-D", "--json", "--trust-anchor", anchor.toString(),
                "-s", ".", "-r", "3", "-t", "2", scenario.name()));
        assertThat(oursRun.exit()).as(oursRun.describe()).isZero();
        OurDnssecJson json = OurDnssecJson.read(oursRun.stdout());
        ZoneVerdicts ours = json.firstChain();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(".", "secure");
        expected.put("sec.", "secure");
        expected.put(scenario.zone() + ".", scenario.expected());
        assertThat(ours.byZone()).as(oursRun.describe()).containsExactlyEntriesOf(expected);
        assertThat(json.problems()).as(oursRun.describe()).containsExactlyInAnyOrderElementsOf(scenario.problems());
        List<String> chain = List.copyOf(ours.byZone().keySet());

        // delv validates itself; the in-namespace recursive BIND (which does not validate) only fetches for it
        Command.Result delvRun = lab.exec(LIMIT, List.of("/usr/bin/delv", "@127.0.0.1",
                "-a", lab.signedDir().resolve("root.delv").toString(), "+root", scenario.name(), "A"));
        String delvOut = delvRun.stdout() + delvRun.stderr();
        ZoneVerdicts delv = DelvOutput.alongChain(delvOut, chain);
        // -r: drill's built-in hints are the real roots; the lab's hints keep it on loopback
        Command.Result drillRun = lab.exec(LIMIT, List.of("/usr/bin/drill", "-4", "-TD",
                "-r", Tracers.ROOT_HINTS.toString(), "-k", anchor.toString(), scenario.name(), "A"));
        String drillOut = drillRun.stdout() + drillRun.stderr();
        ZoneVerdicts drill = DrillTraceOutput.alongChain(drillOut, chain);
        // drill -S: one verdict for the answer, chased from the recursive resolver's data
        Command.Result chaseRun = lab.exec(LIMIT, List.of("/usr/bin/drill", "-S", "-k", anchor.toString(),
                scenario.name(), "@127.0.0.1", "A"));
        String chase = DrillChaseOutput.answer(chaseRun.stdout() + chaseRun.stderr());

        List<String> unexplained = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        String answerZone = chain.get(chain.size() - 1);
        for (String zone : chain) {
            String mine = ours.of(zone).orElseThrow();
            if (zone.equals(answerZone)) {
                compare(DRILL_CHASE, zone, answerZone, mine, chase, scenario, unexplained, allowed);
            }
            compare("delv", zone, answerZone, mine, delv.of(zone).orElse("not judged"), scenario, unexplained, allowed);
            compare("drill -TD", zone, answerZone, mine, drill.of(zone).orElse("not judged"), scenario, unexplained,
                    allowed);
        }
        System.out.println("interop: dnssec: " + scenario + ": " + chain.size()
                + " zones compared with delv and drill: ours " + ours.byZone() + ", delv " + delv.byZone()
                + " (" + DelvOutput.answer(delvOut) + "), drill -TD " + drill.byZone() + ", drill -S " + chase
                + (allowed.isEmpty() ? "" : ", allowed: " + allowed));
        assertThat(unexplained).as("\n=== ours: " + oursRun.describe() + "\n=== delv: " + delvRun.describe()
                + "\n=== drill -TD: " + drillRun.describe() + "\n=== drill -S: " + chaseRun.describe()).isEmpty();
        ZONES.addAndGet(chain.size());
        SCENARIOS.incrementAndGet();
    }

    private static void compare(String peer, String zone, String answerZone, String ours, String theirs,
            Scenario scenario, List<String> unexplained, List<String> allowed) {
        if (ours.equals(theirs)) {
            return;
        }
        String difference = zone + " ours " + ours + ", " + peer + " " + theirs;
        Optional<DnssecAllowance> allowance = scenario.allowances().stream()
                .filter(a -> a.allows(peer, zone, answerZone, ours, theirs)).findFirst();
        if (allowance.isPresent()) {
            allowed.add(difference + " (" + allowance.get() + ")");
        } else {
            unexplained.add(difference);
        }
    }
}
