package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dnstracer.net.DnsTransport;
import org.dnstracer.replay.SavedRunFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --save} and {@code --replay}: a saved trace of every built-in lab scenario, shown again without the
 * network, prints what the live run printed, byte for byte (timings included: the replay shows the recorded ones),
 * with the same exit status.
 */
class SaveReplayTest {
    @TempDir
    Path dir;

    /** Transports made for replays: must stay zero, a replay has no socket to open. */
    private final AtomicInteger replayTransports = new AtomicInteger();

    /**
     * Every scenario of the built-in lab's table (src/main/resources/lab/default/README.md), as its tests trace it:
     * the DNSSEC ones with -D, the faults.org ones with --check (and --axfr where it matters). Silent servers get a
     * short -t: a replay reproduces whatever the live run saw, so the timeouts' length does not matter here.
     */
    static Stream<String> scenarios() {
        return Stream.of(
                "www.example.com", "-q AAAA www.example.com", "-q MX example.com", "-q TXT example.com",
                "-q SOA example.com", "-q NS example.com", "-q NAPTR example.com", "-q SRV _sip._udp.example.com",
                "web.example.com", "x.wild.example.com", "nope.example.com", "-q MX www.example.com",
                "-q TXT medium.example.com", "--no-edns -q TXT medium.example.com", "-q TXT big.example.com",
                "192.0.2.80", "2001:db8::80", "www.glueless.com", "www.lame.com", "www.partly-lame.com",
                "www.cname-chain.com", "loop.cname-loop.com", "www.disagree.com", "-q SOA disagree.com",
                "www.e.d.c.b.a.deep.org", "www.wide.net", "-t 1 -r 2 www.timeout.com", "www.servfail.com",
                "www.ns-loop.com", "www.ns-loop.net", "www.referral-loop.com", "-t 0.5 -r 1 www.crowd.org",
                "www.ns-cname.com", "-s 127.53.30.1 www.example.com", "-s 127.53.30.2 www.example.com",
                "www.garbage.hostile.net", "-t 1 -r 2 www.wrong-source.hostile.net",
                "www.wrong-question.hostile.net", "www.compression-loop.hostile.net",
                "-t 1 -r 2 www.drop-edns.hostile.net", "www.tc-no-tcp.hostile.net", "www.tc-over-tcp.hostile.net",
                "-t 1 www.slow-drip.hostile.net", "-t 1 www.lying-length.hostile.net", "www.wrong-id.hostile.net",
                "--check www.ns-mismatch.faults.org", "--check www.ns-disagree.faults.org",
                "--check www.glue-mismatch.faults.org", "--check www.missing-glue.faults.org",
                "--check www.stale.faults.org", "--check www.ns-cname.faults.org",
                "--check www.recursive.faults.org", "--check -t 1 www.no-tcp.faults.org",
                "--check www.no-edns.faults.org", "--check www.no-badvers.faults.org",
                "--check www.big-referral.faults.org", "--check --axfr www.axfr.faults.org",
                "--check www.single.faults.org", "--check www.slow.faults.org",
                "--check -t 1 www.unreachable.faults.org", "--check www.not-auth.faults.org",
                "--check www.ttl.faults.org", "--check www.chain1.faults.org", "--check www.notauth.faults.org",
                "--check www.unrelated.faults.org",
                "-D www.secure.dnssec.org", "-D nope.secure.dnssec.org", "-D -q MX www.secure.dnssec.org",
                "-D www.nsec3.dnssec.org", "-D nope.nsec3.dnssec.org", "-D www.insecure.dnssec.org",
                "-D www.unsigned.nsec3.dnssec.org", "-D www.expired.dnssec.org", "-D www.not-yet-valid.dnssec.org",
                "-D www.ds-mismatch.dnssec.org", "-D www.one-expired.dnssec.org", "-D www.rsa.dnssec.org",
                "-D www.ed25519.dnssec.org", "-D www.private-alg.dnssec.org");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    @Timeout(120) // a replay that waited for a reply the file does not give would wait for --max-time
    void treeOverviewAndVerboseDumpReplayAsTraced(String scenario) {
        assertReplaysAsTraced(scenario, List.of("-v", "-o"));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    @Timeout(120)
    void jsonReplaysAsTraced(String scenario) {
        assertReplaysAsTraced(scenario, List.of("--json"));
    }

    /**
     * Options that change what is asked, each on a scenario where it shows: asking again at every place (-c, where
     * one question has one exchange per place in the tree), negative caching, TCP only, no EDNS, one family, no
     * CNAME following, fewer name servers.
     */
    static Stream<String> optionCombinations() {
        return Stream.of("-c www.glueless.com", "-c -C www.lame.com", "-c -C -t 1 -r 1 www.unreachable.faults.org",
                "--tcp -q TXT big.example.com", "--no-edns www.example.com", "-4 www.example.com",
                "--no-follow-cname www.cname-chain.com", "--max-ns 5 www.wide.net", "-c -D www.one-expired.dnssec.org",
                "--axfr -c www.axfr.faults.org");
    }

    @ParameterizedTest
    @MethodSource("optionCombinations")
    @Timeout(120)
    void runsWithOptionsThatChangeWhatIsAskedReplayAsTraced(String scenario) {
        assertReplaysAsTraced(scenario, List.of("-v", "-o"));
    }

    @Test
    @Timeout(120)
    void aReplayOfARunCutByItsTimeLimitSaysItMayDiffer() throws IOException {
        Path saved = dir.resolve("cut.json");
        // three tries to the silent name servers' servers take more than the second (-r 1 is one query now, 0.5 s)
        CliRun live = live("--lab", "--max-time", "1", "-t", "0.5", "-r", "3", "www.crowd.org", "--save",
                saved.toString());
        assertThat(live.out()).contains("Warning: time limit of 1 s reached");
        assertThat(Files.readString(saved)).contains("\"timeLimitReached\" : true");
        CliRun replay = replay("--replay", saved.toString());
        assertThat(replay.err()).isEqualTo("dnstracer: note: " + saved + " was cut by its time limit (--max-time 1); "
                + "its replay may differ in what came in time\n");
        assertThat(replay.out()).startsWith("Tracing to www.crowd.org[A] via a.root-servers.net, maximum of 3 retries\n");
        assertThat(replayTransports).hasValue(0);
    }

    /**
     * Zone mode ({@code --zone}, {@code --ns}) in the lab: a zone whose child names a server the parent does not, a
     * zone before its delegation with --ns (with and without an address, and one server left for the child's NS
     * set to name), lame and undelegated zones (exit 1), probes and DNSSEC.
     */
    static Stream<String> zoneModeRuns() {
        return Stream.of("--zone ns-mismatch.faults.org", "--zone example.com",
                "--zone undelegated.faults.org --ns ns1.undelegated.faults.org/127.53.62.1 "
                        + "--ns ns2.undelegated.faults.org/127.53.62.2",
                "--zone undelegated.faults.org --ns ns1.undelegated.faults.org/127.53.62.1 --ns ns2.faults.org",
                "--zone undelegated.faults.org --ns ns1.undelegated.faults.org/127.53.62.1",
                "--zone undelegated.faults.org", "--zone lame.com", "--zone partly-lame.com",
                "--zone missing-glue.faults.org --ns ns1.missing-glue.faults.org/127.53.60.31 "
                        + "--ns ns2.missing-glue.faults.org/127.53.60.32",
                "--zone axfr.faults.org --axfr", "-D --zone one-expired.dnssec.org");
    }

    @ParameterizedTest
    @MethodSource("zoneModeRuns")
    @Timeout(120)
    void zoneModeRunsReplayAsTraced(String run) {
        assertReplaysAsTraced(run, List.of("-v", "-o"));
    }

    @ParameterizedTest
    @MethodSource("zoneModeRuns")
    @Timeout(120)
    void zoneModeRunsReplayAsTracedInJson(String run) {
        assertReplaysAsTraced(run, List.of("--json"));
    }

    @Test
    @Timeout(120)
    void aZoneModeReplayFailsOnItsFindingsAsTheLiveRunDid() {
        assertThat(assertReplaysAsTraced("--zone partly-lame.com", List.of("--fail-on", "error")))
                .isEqualTo(Cli.FINDINGS);
    }

    @Test
    void aZoneModeRunIsSavedAsGivenInSchemaTwo() throws Exception {
        Path saved = dir.resolve("zone.json");
        CliRun live = live("--lab", "--zone", "undelegated.faults.org", "--ns",
                "ns1.undelegated.faults.org/127.53.62.1",
                "--ns", "ns2.faults.org", "--save", saved.toString());
        assertThat(live.status()).as(live.err()).isEqualTo(Cli.OK);
        String text = Files.readString(saved);
        assertThat(text).contains("\"schema\" : 2,", "\"check\" : true,")
                .contains("\"zone\" : {\n      \"name\" : \"undelegated.faults.org.\",\n      \"ns\" : [ {\n"
                        + "        \"name\" : \"ns1.undelegated.faults.org.\",\n        \"addresses\" : [ \"127.53.62.1\" ]\n"
                        + "      }, {\n        \"name\" : \"ns2.faults.org.\",\n        \"addresses\" : [ ]\n      } ]\n    }");
        StringWriter again = new StringWriter();
        SavedRunFile.write(SavedRunFile.read(saved), again);
        assertThat(again.toString()).isEqualTo(text);
        // without --ns: null, not missing
        Path plain = dir.resolve("zone-plain.json");
        live("--lab", "--zone", "example.com", "--save", plain.toString());
        assertThat(Files.readString(plain)).contains("\"zone\" : {\n      \"name\" : \"example.com.\",\n"
                + "      \"ns\" : null\n    }");
    }

    @Test
    void aZoneModeReplayTakesZoneOptionsOnlyWhenTheyAgree() {
        Path saved = dir.resolve("z.json");
        CliRun live = live("--lab", "--zone", "undelegated.faults.org", "--ns",
                "ns1.undelegated.faults.org/127.53.62.1",
                "--save", saved.toString());
        String file = saved.toString();
        CliRun same = replay("--replay", file, "--zone", "UNDELEGATED.faults.org.");
        assertThat(same.err()).isEmpty();
        assertThat(same.out()).isEqualTo(live.out());
        assertThat(replay("--replay", file, "--zone", "undelegated.faults.org", "--ns",
                "ns1.undelegated.faults.org/127.53.62.1").out()).isEqualTo(live.out());
        assertUsage(replay("--replay", file, "--zone", "faults.org"), "dnstracer: --replay " + file + " checked "
                + "--zone undelegated.faults.org --ns ns1.undelegated.faults.org/127.53.62.1; --zone given here does "
                + "not agree\n");
        assertUsage(replay("--replay", file, "--zone", "undelegated.faults.org", "--ns",
                "ns1.undelegated.faults.org/127.53.62.2"), "dnstracer: --replay " + file + " checked --zone "
                + "undelegated.faults.org --ns ns1.undelegated.faults.org/127.53.62.1; --zone and --ns given here do "
                + "not agree\n");
        assertUsage(replay("--replay", file, "--ns", "ns1.undelegated.faults.org/127.53.62.1"), "dnstracer: --ns "
                + "checks a zone as if delegated to these servers: give the zone with --zone ZONE\n");
        assertUsage(replay("--replay", file, "undelegated.faults.org"), "dnstracer: --replay shows the saved trace's "
                + "own question; no HOST ('undelegated.faults.org') as well\n");
        assertUsage(replay("--replay", file, "--zone", "undelegated.faults.org", "--bulk", "-"), "dnstracer: --replay "
                + "takes what was asked from the saved trace: --bulk, --zone cannot be given with it (only -o, -v, "
                + "--json, --fail-on, --level, --ignore, --html, --svg, --dot, --trust-anchor, --dnssec-time)\n");
        // a file of a trace, not of zone mode, agrees with no --zone
        Path trace = dir.resolve("t.json");
        live("--lab", "-q", "SOA", "undelegated.faults.org", "--save", trace.toString());
        assertUsage(replay("--replay", trace.toString(), "--zone", "undelegated.faults.org"), "dnstracer: --replay "
                + trace + " is not a zone-mode run: --zone cannot be given with it\n");
        assertUsage(replay("--replay", trace.toString(), "--ns", "ns1.undelegated.faults.org"), "dnstracer: --replay "
                + trace + " is not a zone-mode run: --ns cannot be given with it\n");
        assertThat(replayTransports).hasValue(0);
    }

    private static void assertUsage(CliRun run, String stderr) {
        assertThat(run.status()).as(run.err()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).isEqualTo(stderr);
        assertThat(run.out()).isEmpty();
    }

    /** @return the exit status, the same for both */
    private int assertReplaysAsTraced(String scenario, List<String> outputOptions) {
        Path saved = dir.resolve("saved.json");
        List<String> args = new ArrayList<>(List.of("--lab"));
        args.addAll(List.of(scenario.split(" ")));
        args.addAll(outputOptions);
        args.addAll(List.of("--save", saved.toString()));
        CliRun live = live(args.toArray(String[]::new));
        assertThat(live.err()).as("stderr of %s", args).isEmpty();
        assertThat(live.out()).isNotBlank();

        List<String> replayArgs = new ArrayList<>(List.of("--replay", saved.toString()));
        replayArgs.addAll(outputOptions);
        CliRun replay = replay(replayArgs.toArray(String[]::new));
        assertThat(replay.err()).as("stderr of the replay of %s", args).isEmpty();
        assertThat(replay.out()).as("replay of %s", args).isEqualTo(live.out());
        assertThat(replay.status()).as("exit status of the replay of %s", args).isEqualTo(live.status());
        assertThat(replayTransports).hasValue(0);
        return live.status();
    }

    @Test
    void oneSavedRunGivesEveryOutputAndTheirTimingsComeFromTheFile() throws IOException {
        Path saved = dir.resolve("run.json");
        CliRun live = live("--lab", "--json", "www.lame.com", "--save", saved.toString());
        // the same file as a tree, with -v and -o, twice: the same bytes each time (timings are the recorded ones)
        CliRun verbose = replay("--replay", saved.toString(), "-v", "-o");
        assertThat(replay("--replay", saved.toString(), "-o", "-v").out()).isEqualTo(verbose.out());
        assertThat(verbose.out()).contains("ns1.lame.com [lame.com] (127.53.2.20) Lame server [REFUSED] \n")
                .contains(";; reply: ").contains("Findings:\n");
        assertThat(replay("--replay", saved.toString()).out())
                .startsWith("Tracing to www.lame.com[A] via a.root-servers.net, maximum of 3 retries\n")
                .doesNotContain(";; reply: ");
        CliRun json = replay("--replay", saved.toString(), "--json");
        assertThat(json.out()).isEqualTo(live.out());
        assertThat(json.status()).isEqualTo(1).isEqualTo(live.status());
        assertThat(replay("--replay", saved.toString(), "--fail-on", "error").status()).isEqualTo(Cli.FINDINGS);
        assertThat(replayTransports).hasValue(0);
    }

    @Test
    void savingChangesNothingThatIsPrinted() {
        // the plain tree has no timings, so two live runs print the same: with and without --save
        CliRun plain = live("--lab", "-o", "www.cname-chain.com");
        CliRun saving = live("--lab", "-o", "www.cname-chain.com", "--save", dir.resolve("s.json").toString());
        assertThat(saving.out()).isEqualTo(plain.out());
        assertThat(saving.status()).isEqualTo(plain.status());
        assertThat(dir.resolve("s.json")).exists();
    }

    @Test
    void theFileReadsBackToTheSameDocument() throws Exception {
        Path saved = dir.resolve("round.json");
        live("--lab", "-D", "--check", "-c", "www.one-expired.dnssec.org", "--save", saved.toString());
        StringWriter again = new StringWriter();
        SavedRunFile.write(SavedRunFile.read(saved), again);
        assertThat(again.toString()).isEqualTo(Files.readString(saved));
        assertThat(again.toString()).contains("\"format\" : \"dnstracer-saved-trace\"", "\"schema\" : 1",
                "\"phase\" : \"trace\"", "\"phase\" : \"dnssec\"", "\"phase\" : \"check\"", "\"kind\" : \"probe\"",
                "\"tool\" : \"dnstracer ");
    }

    /**
     * Files saved by the version before the reader moved to jackson-databind's tree (a6d3e68, replay/v1-*.json in
     * the test resources, with what that version printed replaying them with -v and --json): read unchanged, they
     * replay to the same bytes and write back to the same document.
     */
    @ParameterizedTest
    @ValueSource(strings = {"v1-check", "v1-dnssec"})
    void filesSavedByTheEarlierVersionReplayAsItReplayedThem(String name) throws Exception {
        Path saved = resource(name + ".json");
        CliRun verbose = replay("--replay", saved.toString(), "-v");
        assertThat(verbose.out()).isEqualTo(Files.readString(resource(name + ".replay-v.txt")));
        assertThat(verbose.status()).isZero();
        assertThat(replay("--replay", saved.toString(), "--json").out())
                .isEqualTo(Files.readString(resource(name + ".replay.json")));
        StringWriter again = new StringWriter();
        SavedRunFile.write(SavedRunFile.read(saved), again);
        assertThat(again.toString()).isEqualTo(Files.readString(saved));
        assertThat(replayTransports).hasValue(0);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(SaveReplayTest.class.getResource("/replay/" + name).toURI());
    }

    @Test
    void dnssecCanBeJudgedAgainAtAnotherMomentFromTheSameReplies() {
        Path saved = dir.resolve("d.json");
        CliRun live = live("--lab", "-D", "www.expired.dnssec.org", "--save", saved.toString());
        assertThat(live.out()).contains("[DNSSEC bogus: RRSIG expired.dnssec.org");
        assertThat(replay("--replay", saved.toString()).out()).isEqualTo(live.out());
        // the expired signatures began 30 days before yesterday: 10 days ago they were valid, the others not yet
        String earlier = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10).toString();
        CliRun moved = replay("--replay", saved.toString(), "--dnssec-time", earlier);
        assertThat(moved.err()).isEmpty();
        assertThat(moved.out()).isNotEqualTo(live.out()).contains("not valid before");
    }

    @Test
    void optionsThatWouldChangeWhatIsAskedAreRefusedWithAReplay() throws IOException {
        Path saved = dir.resolve("r.json");
        live("--lab", "www.example.com", "--save", saved.toString());
        for (String[] args : List.of(new String[] {"-q", "MX"}, new String[] {"-D"}, new String[] {"--check"},
                new String[] {"--lab"}, new String[] {"-s", "127.53.0.1"}, new String[] {"-c"},
                new String[] {"--save", dir.resolve("again.json").toString()}, new String[] {"www.example.com"})) {
            List<String> all = new ArrayList<>(List.of("--replay", saved.toString()));
            all.addAll(List.of(args));
            CliRun run = replay(all.toArray(String[]::new));
            assertThat(run.status()).as("%s", all).isEqualTo(Cli.USAGE);
            assertThat(run.err()).as("%s", all).startsWith("dnstracer: --replay ").endsWith("\n")
                    .hasLineCount(1);
            assertThat(run.out()).isEmpty();
        }
        CliRun dnssecTime = replay("--replay", saved.toString(), "--dnssec-time", "2026-01-01");
        assertThat(dnssecTime.status()).isEqualTo(Cli.USAGE);
        assertThat(dnssecTime.err()).contains("--dnssec-time needs a trace saved with -D");
        assertThat(replayTransports).hasValue(0);
    }

    @Test
    void saveGoesWithOneTraceOnly() throws IOException {
        Path names = Files.writeString(dir.resolve("names.txt"), "www.example.com\n");
        CliRun bulk = live("--lab", "--bulk", names.toString(), "--save", dir.resolve("b.json").toString());
        assertThat(bulk.status()).isEqualTo(Cli.USAGE);
        assertThat(bulk.err()).isEqualTo("dnstracer: --save keeps one trace and does not go with --bulk (its output "
                + "is the record)\n");
        CliRun noDir = live("--lab", "www.example.com", "--save", dir.resolve("missing/x.json").toString());
        assertThat(noDir.status()).isEqualTo(Cli.USAGE);
        assertThat(noDir.err()).contains("no such directory").hasLineCount(1);
        assertThat(noDir.out()).isEmpty();
    }

    @Test
    void aFileThatIsNotASavedTraceOfThisSchemaIsRefusedInOneLine() throws IOException {
        Path good = dir.resolve("good.json");
        live("--lab", "www.example.com", "--save", good.toString());
        String text = Files.readString(good);

        assertRefused(dir.resolve("absent.json"), "no such saved trace");
        assertRefused(write("notjson.json", "Tracing to www.example.com[A] ..."), "not a saved trace (not valid JSON");
        assertRefused(write("truncated.json", text.substring(0, text.length() / 2)), "not valid JSON");
        assertRefused(write("other.json", "{ \"schema\" : 1, \"question\" : { } }"), "not a saved dnstracer trace");
        assertRefused(write("newer.json", text.replace("\"schema\" : 1,", "\"schema\" : 3,")),
                "saved-trace schema 3 (written by dnstracer ", "this dnstracer reads schemas 1 and 2 only");
        assertRefused(write("older.json", text.replace("\"schema\" : 1,", "\"schema\" : 0,")),
                "saved-trace schema 0", "reads schemas 1 and 2 only");
        // schema 2 is schema 1 with zone mode's options.zone: not one without the other
        assertRefused(write("nozone.json", text.replace("\"schema\" : 1,", "\"schema\" : 2,")),
                "bad saved trace: options.zone: missing");
        assertRefused(write("zone1.json", text.replace("\"lab\" : true,", "\"zone\" : { \"name\" : \"example.com\", "
                + "\"ns\" : null }, \"lab\" : true,")), "bad saved trace: options.zone: zone mode is schema 2, not 1");
        String zoneFile = text.replace("\"schema\" : 1,", "\"schema\" : 2,").replace("\"lab\" : true,", "\"zone\" : { "
                + "\"name\" : \"example.com\", \"ns\" : [ { \"name\" : \"ns1.example.com\", \"addresses\" : [ \"%s\" ] } ] }, "
                + "\"lab\" : true,");
        assertRefused(write("nsname.json", zoneFile.formatted("localhost")), "bad saved trace: options.zone.ns[0]"
                + ".addresses[0]: not an IP address: 'localhost'");
        String firstQuery = text.substring(text.indexOf("\"query\" : \"") + 11);
        firstQuery = firstQuery.substring(0, firstQuery.indexOf('"'));
        assertRefused(write("badwire.json", text.replace(firstQuery, "AAAA")), "bad saved trace: exchanges[0].tries[0]"
                + ".query: not a DNS message");
        assertRefused(write("name.json", text.replace("\"server\" : \"127.53.0.1\"", "\"server\" : \"localhost\"")),
                "not an IP address: 'localhost'");
        assertRefused(write("twice.json", text.replaceFirst("\"schema\" : 1,", "\"schema\" : 1, \"schema\" : 1,")),
                "not valid JSON", "Duplicate field 'schema'");
        assertRefused(write("deep.json", "[".repeat(200) + "]".repeat(200)), "not valid JSON", "nesting depth");
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(SavedRunFile.MAX_BYTES + 1); // sparse: no disk is spent
        }
        assertRefused(huge, "more than a saved trace may have", "256 MiB");
        assertThat(replayTransports).hasValue(0);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void assertRefused(Path file, String... parts) {
        CliRun run = replay("--replay", file.toString());
        assertThat(run.status()).as("%s", file).isEqualTo(Cli.USAGE);
        assertThat(run.err()).as("%s", file).startsWith("dnstracer: " + file + ": ").contains(parts).hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    /** A live run in the lab, with the tool's own transport (no test patience: a replay shows what happened). */
    private static CliRun live(String... args) {
        return CliRun.ofCommand(new TraceCommand(Path.of("/nonexistent/resolv.conf"), DnsTransport::new), args);
    }

    /** A replay by a command whose transport factory counts (and fails) every use: there must be none. */
    private CliRun replay(String... args) {
        return CliRun.ofCommand(new TraceCommand(Path.of("/nonexistent/resolv.conf"), options -> {
            replayTransports.incrementAndGet();
            throw new IllegalStateException("a replay asked for a network transport");
        }), args);
    }
}
