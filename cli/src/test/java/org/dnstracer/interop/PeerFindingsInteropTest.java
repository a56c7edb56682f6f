package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dnstracer.findings.FindingCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our {@code --check} findings against Debian's zonemaster-cli and dnsviz (probe + grok) on the broken delegations
 * of the namespace lab, all three started from the lab's own root hints inside the namespace. Every fault a peer
 * reports that maps to one of our codes ({@link Peer}, from {@code FindingCode}'s columns) must be one of our findings
 * at the same server address, and every finding of ours the peer has a name for must be among its faults; each
 * difference must be a named {@link PeerAllowance} of the scenario.
 */
@Tag("interop")
class PeerFindingsInteropTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final List<String> PEER_TOOLS = List.of("/usr/bin/zonemaster-cli", "/usr/bin/dnsviz");
    /** DNSViz's root hints are its own; an explicit delegation of the root replaces them (-x). */
    private static final String DNSVIZ_ROOTS =
            ".:a.root-servers.net=127.54.0.1,b.root-servers.net=127.54.0.2,c.root-servers.net=127.54.0.3";
    /** Time-outs of 2 s and one retry (Zonemaster's: 5 s, two retries), or notcp.com alone takes 15 s. */
    private static final String ZONEMASTER_PROFILE = InteropLab.DIR.resolve("zonemaster-profile.json").toString();
    private static final AtomicInteger COMPARED = new AtomicInteger();
    private static InteropLab lab;
    private static String skipped;
    private static long started;

    static Stream<PeerScenario> scenarios() {
        // every scenario: the peers name some faults without an address, and we also see the lab's com. servers
        Set<PeerAllowance> always = EnumSet.of(PeerAllowance.PEER_GIVES_NO_ADDRESS, PeerAllowance.ANCESTOR_ZONES,
                PeerAllowance.NO_ASN_DATA);
        return Stream.of(
                new PeerScenario("nsmismatch.com", "NS set differs between parent and child",
                        FindingCode.NS_ONLY_AT_PARENT, plus(always, PeerAllowance.CHILD_SIDE_ADDRESS)),
                new PeerScenario("gluemismatch.com", "parent's glue differs from the child's address",
                        FindingCode.GLUE_MISMATCH, plus(always, PeerAllowance.CHILD_SIDE_ADDRESS)),
                new PeerScenario("noglue.com", "in-bailiwick name server without glue", FindingCode.GLUE_MISSING,
                        always),
                new PeerScenario("stale.com", "stale secondary: older serial, other data",
                        FindingCode.SOA_SERIAL_MISMATCH, always),
                new PeerScenario("single.com", "a single name server", FindingCode.SINGLE_NAME_SERVER, always),
                new PeerScenario("notcp.com", "a server that answers over UDP only", FindingCode.UNRESPONSIVE_TCP,
                        always),
                new PeerScenario("recursive.com", "authoritative server offering recursion",
                        FindingCode.RECURSION_AVAILABLE, plus(always, PeerAllowance.RECURSOR_ANSWERS_ROOT)),
                new PeerScenario("partlame.com", "two of three servers refer to the zone itself",
                        FindingCode.LAME_SAME_ZONE_REFERRAL, always),
                new PeerScenario("silent.com", "one server never answers, nothing listens at another",
                        FindingCode.UNRESPONSIVE_UDP, plus(always, PeerAllowance.FAILED_SERVER_NOT_PROBED))
                        .withoutDnsviz("dnsviz probe waits about 40 s on the two silent addresses"),
                new PeerScenario("upward.com", "every server refers upwards", FindingCode.UPWARD_REFERRAL,
                        plus(always, PeerAllowance.FAILED_SERVER_NOT_PROBED))
                        .withoutDnsviz("dnsviz's resolver follows the upward referral round and round"),
                new PeerScenario("lame.com", "every server REFUSED", FindingCode.LAME_REFUSED,
                        plus(always, PeerAllowance.FAILED_SERVER_NOT_PROBED)),
                new PeerScenario("broken.com", "every server SERVFAIL", FindingCode.LAME_SERVFAIL,
                        plus(always, PeerAllowance.FAILED_SERVER_NOT_PROBED)),
                new PeerScenario("mnamegone.com", "the SOA MNAME does not exist", FindingCode.SOA_MNAME_UNRESOLVABLE,
                        plus(always, PeerAllowance.PEER_REPORTS_AT_INFO)),
                new PeerScenario("mnamelame.com", "the SOA MNAME refuses the zone",
                        FindingCode.SOA_MNAME_NOT_AUTHORITATIVE, plus(always, PeerAllowance.PEER_REPORTS_AT_INFO)),
                new PeerScenario("nschild.com", "the child's NS set adds names without an address",
                        FindingCode.NS_NAME_UNRESOLVABLE, plus(plus(always, PeerAllowance.CHILD_SIDE_ADDRESS),
                                PeerAllowance.DNSVIZ_DROPS_DENIED_NS_NAME)),
                new PeerScenario("siblingglue.com", "sibling glue differs from the name's own zone",
                        FindingCode.GLUE_MISMATCH, plus(always, PeerAllowance.CHILD_SIDE_ADDRESS)),
                new PeerScenario("mnamebehind.com", "the hidden primary (BIND) serves an older serial than NSD and Knot",
                        FindingCode.SOA_MNAME_SERIAL_BEHIND, plus(always, PeerAllowance.PEER_REPORTS_AT_INFO)),
                new PeerScenario("mxcname.com", "the zone's MX is an alias", FindingCode.MX_IS_CNAME,
                        plus(always, PeerAllowance.PEER_REPORTS_AT_INFO))
                        .peersSilent("Zonemaster's ZONE08 says MX_RECORD_IS_CNAME at INFO; DNSViz does not check MX"));
    }

    private static Set<PeerAllowance> plus(Set<PeerAllowance> base, PeerAllowance more) {
        Set<PeerAllowance> all = EnumSet.copyOf(base);
        all.add(more);
        return all;
    }

    /** Why the peers cannot run here: the lab's own requirements, then the two Debian packages. */
    static Optional<String> missingRequirement() {
        Optional<String> lab = InteropLab.missingRequirement();
        if (lab.isPresent()) {
            return lab;
        }
        return PEER_TOOLS.stream().filter(t -> !Files.isExecutable(Path.of(t))).findFirst()
                .map(t -> "peer comparison needs " + t + " (Debian packages zonemaster-cli dnsviz)");
    }

    @BeforeAll
    static void startLab() throws Exception {
        started = System.nanoTime();
        skipped = missingRequirement().orElse(null);
        Skip.unless(Optional.ofNullable(skipped));
        lab = InteropLab.start();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
        if (skipped == null) {
            for (PeerAllowance a : PeerAllowance.values()) {
                System.out.println("interop: peers: allowance " + a + ": " + a.why());
            }
        }
        System.out.println("interop: peers: " + COMPARED.get() + " scenarios compared with zonemaster-cli and dnsviz"
                + " in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s"
                + (skipped == null ? "" : " (skipped: " + skipped + ")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void peersFaultsAreOurFindingsAtTheSameAddress(PeerScenario scenario) throws Exception {
        String zonemasterJson = zonemaster(scenario.zone());
        String dnsvizJson = scenario.withoutDnsviz() == null ? dnsviz(scenario.zone()) : "{}";  // no faults
        Command.Result oursRun = Tracers.ours(lab, List.of("-r", "1", "-t", "1", "-s", "127.54.0.1", "--check",
                "--json", "www." + scenario.zone()));
        assertThat(oursRun.stdout()).as(oursRun.describe()).isNotBlank();
        List<OurFinding> ours = OurFinding.parse(oursRun.stdout());

        Set<String> unmapped = new TreeSet<>();
        List<PeerFault> zonemasterFaults = ZonemasterOutput.faults(zonemasterJson, scenario.zone(), unmapped);
        List<PeerFault> dnsvizFaults = DnsvizOutput.faults(dnsvizJson, unmapped);
        List<PeerComparison> comparisons = new ArrayList<>(List.of(
                PeerComparison.of(Peer.ZONEMASTER, scenario.zone(), zonemasterFaults, ours, scenario.allowances())));
        if (scenario.withoutDnsviz() == null) {
            comparisons.add(PeerComparison.of(Peer.DNSVIZ, scenario.zone(), dnsvizFaults, ours, scenario.allowances()));
        } else {
            System.out.println("interop: peers: " + scenario + ": dnsviz not run: " + scenario.withoutDnsviz());
        }
        List<String> unexplained = new ArrayList<>();
        for (PeerComparison c : comparisons) {
            System.out.println("interop: peers: " + scenario + ": " + c.summary());
            unexplained.addAll(c.unexplained());
        }
        System.out.println("interop: peers: " + scenario + ": ours " + ours.size() + " findings; peer tags with no "
                + "code of ours: " + String.join(" ", unmapped));
        String all = "\n=== ours: " + ours + "\n=== zonemaster-cli: " + zonemasterFaults + "\n=== dnsviz: "
                + dnsvizFaults;
        assertThat(unexplained).as("differences no allowance of '" + scenario + "' explains" + all).isEmpty();
        // the fault the scenario is built for: we name it, and at least one peer names it too
        String zone = PeerFault.absolute(scenario.zone());
        assertThat(ours).as("our findings" + all)
                .anyMatch(f -> f.code() == scenario.expected() && f.zone().equals(zone));
        if (scenario.peersSilent() == null) {
            assertThat(Stream.concat(zonemasterFaults.stream(), dnsvizFaults.stream())).as("peer faults" + all)
                    .anyMatch(p -> p.peer().codes(p.tag()).contains(scenario.expected()) && p.zone().equals(zone));
        } else {
            System.out.println("interop: peers: " + scenario + ": no peer reports it as a fault: "
                    + scenario.peersSilent());
        }
        COMPARED.incrementAndGet();
    }

    /**
     * The healthy twin of mnamebehind.com: mnamehidden.com's hidden primary (BIND) serves the serial its secondaries
     * (NSD, Knot) serve. Zonemaster reaches the primary (it names it in no NS set, at INFO) and finds it master; we ask
     * it too (no SOA_MNAME_NOT_AUTHORITATIVE) and raise no SOA_MNAME_SERIAL_BEHIND.
     */
    @org.junit.jupiter.api.Test
    void healthyHiddenPrimaryIsBehindForNeitherZonemasterNorUs() throws Exception {
        String zone = "mnamehidden.com";
        String json = zonemaster(zone);
        List<PeerFault> faults = ZonemasterOutput.faults(json, zone, new TreeSet<>());
        Command.Result oursRun = Tracers.ours(lab, List.of("-r", "1", "-t", "1", "-s", "127.54.0.1", "--check",
                "--json", "www." + zone));
        List<OurFinding> ours = OurFinding.parse(oursRun.stdout()).stream()
                .filter(f -> f.zone().equals(zone + ".")).toList();
        System.out.println("interop: peers: " + zone + ": ours " + ours + "; zonemaster-cli " + faults);
        assertThat(json).contains("Z01_MNAME_NOT_IN_NS_LIST").doesNotContain("Z01_MNAME_NOT_MASTER");
        assertThat(ours).as(oursRun.describe()).anyMatch(f -> f.code() == FindingCode.SOA_MNAME_NOT_IN_NS)
                .noneMatch(f -> f.code() == FindingCode.SOA_MNAME_SERIAL_BEHIND
                        || f.code() == FindingCode.SOA_MNAME_NOT_AUTHORITATIVE);
    }

    /** The built-in lab's root servers (lab.conf), for zonemaster-cli and for us when the lab is served here. */
    private static final String BUILT_IN_LAB_HINTS = """
            .                    3600000 NS a.root-servers.net.
            a.root-servers.net.  3600000 A  127.53.0.1
            .                    3600000 NS b.root-servers.net.
            b.root-servers.net.  3600000 A  127.53.0.2
            .                    3600000 NS c.root-servers.net.
            c.root-servers.net.  3600000 A  127.53.0.3
            """;

    /**
     * Zonemaster's NAMESERVER13 against our lab's {@code truncate-without-opt} quirk: the built-in lab, served by
     * {@code --lab-serve} on port 53 inside the namespace, has tc-no-opt.faults.org, whose ns1 (127.53.60.151) drops
     * the OPT record when it truncates and whose ns2 (.152) keeps it. dig shows both replies; zonemaster-cli must name
     * ns1 (MISSING_OPT_IN_TRUNCATED) and only ns1, as our --check does (TRUNCATED_REPLY_WITHOUT_OPT).
     */
    @org.junit.jupiter.api.Test
    void zonemasterAndWeNameTheLabServerThatTruncatesWithoutOpt() throws Exception {
        String zone = "tc-no-opt.faults.org";
        Path hints = Files.createTempFile("interop-lab-hints", ".hints");
        Files.writeString(hints, BUILT_IN_LAB_HINTS);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process served = lab.startInside("lab-serve", List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                "org.dnstracer.Main", "--lab-serve", "-p", "53", "--lab-for", "150"));
        try {
            Command.Result ready = null;
            for (int i = 0; i < 60 && (ready == null || !ready.stdout().contains("status: NOERROR")); i++) {
                Thread.sleep(500);
                ready = lab.exec(Duration.ofSeconds(5), List.of("dig", "@127.53.60.152", zone, "SOA", "+norec",
                        "+time=1", "+tries=1"));
            }
            assertThat(ready.stdout()).as("the lab served in the namespace answers").contains("status: NOERROR");
            // what both are judged on, as BIND's dig shows it: TC=1 from both, an OPT record from ns2 only
            for (String server : List.of("127.53.60.151", "127.53.60.152")) {
                Command.Result dig = lab.exec(Duration.ofSeconds(10), List.of("dig", "@" + server, zone, "SOA",
                        "+norec", "+dnssec", "+bufsize=512", "+noednsneg", "+ignore", "+time=2", "+tries=1"));
                assertThat(dig.stdout()).as(dig.stdout()).contains("flags: qr aa tc;");
                if (server.endsWith(".151")) {
                    assertThat(dig.stdout()).as(dig.stdout()).doesNotContain("OPT PSEUDOSECTION");
                } else {
                    assertThat(dig.stdout()).as(dig.stdout()).contains("OPT PSEUDOSECTION");
                }
            }
            Command.Result zm = lab.exec(LIMIT, List.of("zonemaster-cli", "--profile", ZONEMASTER_PROFILE,
                    "--hints", hints.toString(), "--json", "--level", "INFO", "--no-progress",
                    "--test", "nameserver/nameserver13", zone));
            assertThat(zm.exit()).as(zm.describe()).isZero();
            Set<String> zonemasterSays = new TreeSet<>();
            for (PeerFault f : ZonemasterOutput.faults(zm.stdout(), zone, new TreeSet<>())) {
                if (f.peer().codes(f.tag()).contains(FindingCode.TRUNCATED_REPLY_WITHOUT_OPT)) {
                    zonemasterSays.add(f.tag() + " " + f.address());
                }
            }
            Command.Result oursRun = lab.exec(LIMIT, List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                    "org.dnstracer.Main", "--root-hints", hints.toString(), "-s", "127.53.0.1", "-r", "1", "-t", "1",
                    "--check", "--json", "www." + zone));
            Set<String> weSay = new TreeSet<>();
            for (OurFinding f : OurFinding.parse(oursRun.stdout())) {
                if (f.code() == FindingCode.TRUNCATED_REPLY_WITHOUT_OPT) {
                    weSay.add(f.code() + " " + f.address());
                }
            }
            System.out.println("interop: peers: " + zone + " (built-in lab): zonemaster-cli " + zonemasterSays
                    + "; ours " + weSay);
            assertThat(zonemasterSays).as(zm.stdout()).containsExactly("MISSING_OPT_IN_TRUNCATED 127.53.60.151");
            assertThat(weSay).as(oursRun.describe()).containsExactly("TRUNCATED_REPLY_WITHOUT_OPT 127.53.60.151");
        } finally {
            served.destroy();
            if (!served.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                served.destroyForcibly();
            }
            Files.deleteIfExists(hints);
        }
    }

    /** zonemaster-cli's messages (JSON, INFO and up) for the zone, from the lab's roots. */
    private static String zonemaster(String zone) throws Exception {
        Command.Result run = lab.exec(LIMIT, List.of("zonemaster-cli", "--profile", ZONEMASTER_PROFILE,
                "--hints", Tracers.ROOT_HINTS.toString(), "--json", "--level", "INFO", "--no-progress",
                "--test", "delegation", "--test", "consistency", "--test", "nameserver", "--test", "connectivity",
                "--test", "address", "--test", "zone", "--test", "syntax", zone));
        assertThat(run.exit()).as(run.describe()).isZero();
        return run.stdout();
    }

    /** dnsviz grok's errors and warnings (JSON) for the zone, probed from the lab's roots. */
    private static String dnsviz(String zone) throws Exception {
        Path probe = Files.createTempFile("interop-dnsviz", ".json");
        Path grok = Files.createTempFile("interop-dnsviz-grok", ".json");
        try {
            Command.Result probed = lab.exec(LIMIT, List.of("dnsviz", "probe", "-A", "-x", DNSVIZ_ROOTS, "-t", "4",
                    "-o", probe.toString(), zone));
            assertThat(probed.exit()).as(probed.describe()).isZero();
            Command.Result grokked = lab.exec(LIMIT, List.of("dnsviz", "grok", "-r", probe.toString(),
                    "-l", "warning", "-o", grok.toString()));
            assertThat(grokked.exit()).as(grokked.describe()).isZero();
            return Files.readString(grok);
        } finally {
            Files.deleteIfExists(probe);
            Files.deleteIfExists(grok);
        }
    }
}
