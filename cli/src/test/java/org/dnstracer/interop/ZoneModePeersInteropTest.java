package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dnstracer.findings.FindingCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Zone mode against zonemaster-cli on real BIND, NSD and Knot servers of the namespace lab: {@code --zone ZONE}
 * against {@code zonemaster-cli ZONE}, and {@code --zone ZONE --ns NAME/ADDRESS...} (pre-delegation testing)
 * against {@code zonemaster-cli --ns NAME/ADDRESS... ZONE}, both from the lab's root hints. As in
 * {@link PeerFindingsInteropTest}, each fault zonemaster-cli names that maps to one of our codes must be one of our
 * findings at the same address and the other way round, or a named allowance.
 */
@Tag("interop")
class ZoneModePeersInteropTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static InteropLab lab;
    private static String skipped;

    /** A zone checked in zone mode, with the servers given to both tools (none: the delegation as it is). */
    record ZoneCase(String zone, List<String> ns, FindingCode expected, String expectedAddress,
            Set<PeerAllowance> extra) {
        ZoneCase(String zone, List<String> ns, FindingCode expected, String expectedAddress) {
            this(zone, ns, expected, expectedAddress, Set.of());
        }

        @Override
        public String toString() {
            return zone + (ns.isEmpty() ? "" : " --ns " + String.join(" --ns ", ns));
        }
    }

    static Stream<ZoneCase> cases() {
        return Stream.of(
                // the child's NS set names ns4 (the Knot at .40.4), which the parent does not list
                new ZoneCase("nsmismatch.com", List.of(), FindingCode.NS_ONLY_AT_PARENT, null),
                // pre-delegation: the BIND that also resolves, and a plain NSD
                new ZoneCase("recursive.com", List.of("ns1.recursive.com/127.54.45.1", "ns2.recursive.com/127.54.45.2"),
                        FindingCode.RECURSION_AVAILABLE, "127.54.45.1", Set.of(PeerAllowance.RECURSOR_ANSWERS_ROOT)),
                // pre-delegation to servers that do not serve the zone: each REFUSED
                new ZoneCase("lame.com", List.of("ns1.lame.com/127.54.12.1", "ns2.lame.com/127.54.12.2"),
                        FindingCode.LAME_REFUSED, "127.54.12.1"));
    }

    @BeforeAll
    static void startLab() throws Exception {
        skipped = PeerFindingsInteropTest.missingRequirement().orElse(null);
        Skip.unless(Optional.ofNullable(skipped));
        lab = InteropLab.start();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
        System.out.println("interop: zone mode peers" + (skipped == null ? "" : " skipped: " + skipped));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void zoneModeNamesZonemastersFaultsAtTheSameAddress(ZoneCase c) throws Exception {
        List<String> zonemasterArgs = new ArrayList<>(List.of("zonemaster-cli", "--profile",
                InteropLab.DIR.resolve("zonemaster-profile.json").toString(), "--hints",
                Tracers.ROOT_HINTS.toString(), "--json", "--level", "INFO", "--no-progress", "--test", "delegation",
                "--test", "consistency", "--test", "nameserver", "--test", "connectivity", "--test", "address",
                "--test", "zone", "--test", "syntax"));
        List<String> oursArgs = new ArrayList<>(List.of("-r", "1", "-t", "1", "-s", "127.54.0.1", "--json", "--zone",
                c.zone()));
        for (String ns : c.ns()) {
            zonemasterArgs.addAll(List.of("--ns", ns));
            oursArgs.addAll(List.of("--ns", ns));
        }
        zonemasterArgs.add(c.zone());
        Command.Result zonemaster = lab.exec(LIMIT, zonemasterArgs);
        assertThat(zonemaster.exit()).as(zonemaster.describe()).isZero();
        Command.Result oursRun = Tracers.ours(lab, oursArgs);
        assertThat(oursRun.stdout()).as(oursRun.describe()).isNotBlank();
        List<OurFinding> ours = OurFinding.parse(oursRun.stdout());

        Set<String> unmapped = new TreeSet<>();
        List<PeerFault> faults = ZonemasterOutput.faults(zonemaster.stdout(), c.zone(), unmapped);
        Set<PeerAllowance> allowances = EnumSet.of(PeerAllowance.PEER_GIVES_NO_ADDRESS, PeerAllowance.ANCESTOR_ZONES,
                PeerAllowance.NO_ASN_DATA, PeerAllowance.CHILD_SIDE_ADDRESS, PeerAllowance.FAILED_SERVER_NOT_PROBED);
        allowances.addAll(c.extra());
        PeerComparison comparison = PeerComparison.of(Peer.ZONEMASTER, c.zone(), faults, ours, allowances);
        System.out.println("interop: zone mode peers: " + c + ": " + comparison.summary() + "; zonemaster tags with "
                + "no code of ours: " + String.join(" ", unmapped));
        String all = "\n=== ours: " + ours + "\n=== zonemaster-cli: " + faults;
        assertThat(comparison.unexplained()).as("differences no allowance explains" + all).isEmpty();
        String zone = PeerFault.absolute(c.zone());
        assertThat(ours).as("our findings" + all).anyMatch(f -> f.code() == c.expected() && f.zone().equals(zone)
                && (c.expectedAddress() == null || c.expectedAddress().equals(f.address())));
        if (c.ns().isEmpty()) {
            // zone mode asks the server only the child's NS set names (ns4, at .40.4), as zonemaster-cli does
            assertThat(oursRun.stdout()).as("ns4 asked" + all).contains("\"address\" : \"127.54.40.4\"");
        }
        assertThat(faults).as("zonemaster-cli's faults" + all)
                .anyMatch(p -> p.peer().codes(p.tag()).contains(c.expected()) && p.zone().equals(zone));
    }
}
