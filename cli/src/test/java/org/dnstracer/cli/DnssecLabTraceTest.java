package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each DNSSEC scenario of the built-in lab (dnssec.org), traced with -D: the exact statuses and problems. */
class DnssecLabTraceTest {
    /** The lab's expired signatures end at midnight UTC the day before it starts. */
    private static final String EXPIRED = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    private static final String UPPER_CHAIN = "\\. \\(\\d+ RSASHA256\\) secure -> org \\(\\d+ ECDSAP256SHA256\\) secure "
            + "-> dnssec\\.org \\(\\d+ ECDSAP256SHA256\\) secure -> ";

    private static CliRun dnssec(String... args) {
        String[] argv = new String[args.length + 2];
        argv[0] = "--lab";
        argv[1] = "-D";
        System.arraycopy(args, 0, argv, 2, args.length);
        return CliRun.of(argv);
    }

    /** The DNSSEC findings of a run, and nothing else there may be: Warning: lines. */
    private static long problems(CliRun run) {
        return run.out().lines().filter(l -> l.matches("(error|warning) +DNSSEC_.*") || l.startsWith("Warning:"))
                .count();
    }

    @Test
    void secureChainFromTheLabsRootIsSecureAtEveryServer() {
        CliRun run = dnssec("www.secure.dnssec.org");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("a.root-servers.net [.] (127.53.0.1) [DNSSEC secure] \n")
                .contains("a0.org-servers.org [org] (127.53.1.11) [DNSSEC secure] \n")
                .contains("ns1.dnssec.org [dnssec.org] (127.53.53.1) [DNSSEC secure] \n")
                .contains("ns1.secure.dnssec.org [secure.dnssec.org] (127.53.53.10) Got authoritative answer [DNSSEC secure] \n")
                .contains("ns2.secure.dnssec.org [secure.dnssec.org] (127.53.53.11) Got authoritative answer [DNSSEC secure] \n")
                .containsPattern("DNSSEC chain of www\\.secure\\.dnssec\\.org A: " + UPPER_CHAIN
                        + "secure\\.dnssec\\.org \\(\\d+ ECDSAP256SHA256\\) secure\n")
                .doesNotContain("Warning").doesNotContain("RRSIG");
    }

    @Test
    void startServerGivenByAddressValidatesFromTheRootAnchorAsWithSDot() {
        // -s <address of the lab's root server>: the start line expects no zone; the validator learns "." from the
        // signer of its referral's DS, so the chain starts at the anchor exactly as with the lab's own start
        CliRun run = dnssec("-s", "127.53.0.1", "www.secure.dnssec.org");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("(127.53.0.1) [DNSSEC secure] \n")
                .contains("ns1.secure.dnssec.org [secure.dnssec.org] (127.53.53.10) Got authoritative answer [DNSSEC secure] \n")
                .containsPattern("DNSSEC chain of www\\.secure\\.dnssec\\.org A: " + UPPER_CHAIN
                        + "secure\\.dnssec\\.org \\(\\d+ ECDSAP256SHA256\\) secure\n")
                .doesNotContain("no trust anchor");
    }

    @Test
    void nxdomainProvenByNsecAndByNsec3IsSecure() {
        assertThat(dnssec("nope.secure.dnssec.org").out())
                .contains("(127.53.53.10) Got authoritative answer [NXDOMAIN] [DNSSEC secure] \n").doesNotContain("Warning");
        assertThat(dnssec("nope.nsec3.dnssec.org").out())
                .contains("ns1.nsec3.dnssec.org [nsec3.dnssec.org] (127.53.53.20) Got authoritative answer [NXDOMAIN] "
                        + "[DNSSEC secure] \n")
                .doesNotContain("Warning");
    }

    @Test
    void nodataIsProvenToo() {
        assertThat(dnssec("-q", "MX", "www.secure.dnssec.org").out())
                .contains("(127.53.53.10) Got authoritative answer [NODATA] [DNSSEC secure] \n").doesNotContain("Warning");
        assertThat(dnssec("-q", "MX", "www.nsec3.dnssec.org").out())
                .contains("(127.53.53.20) Got authoritative answer [NODATA] [DNSSEC secure] \n").doesNotContain("Warning");
    }

    @Test
    void insecureDelegationsCarryTheirNsecOrNsec3Proof() {
        CliRun nsec = dnssec("www.insecure.dnssec.org");
        assertThat(nsec.out())
                .contains("ns1.insecure.dnssec.org [insecure.dnssec.org] (127.53.53.30) Got authoritative answer "
                        + "[DNSSEC insecure: no DS for insecure.dnssec.org (NSEC proof from dnssec.org)] \n")
                .containsPattern(UPPER_CHAIN + "insecure\\.dnssec\\.org insecure: no DS for insecure\\.dnssec\\.org "
                        + "\\(NSEC proof from dnssec\\.org\\)\n")
                .doesNotContain("Warning");
        assertThat(dnssec("www.unsigned.nsec3.dnssec.org").out())
                .contains("(127.53.53.21) Got authoritative answer [DNSSEC insecure: no DS for "
                        + "unsigned.nsec3.dnssec.org (NSEC3 proof from nsec3.dnssec.org)] \n")
                .contains("(127.53.53.20) [DNSSEC secure] \n")
                .doesNotContain("Warning");
    }

    @Test
    void expiredSignaturesAreBogusWithTheirDate() {
        CliRun run = dnssec("www.expired.dnssec.org");
        assertThat(run.status()).isZero(); // exit status unchanged by -D for now
        String reason = "RRSIG expired.dnssec.org DNSKEY expired " + EXPIRED;
        assertThat(run.out())
                .contains("ns1.expired.dnssec.org [expired.dnssec.org] (127.53.53.40) Got authoritative answer "
                        + "[DNSSEC bogus: " + reason + "] \n")
                .containsPattern(UPPER_CHAIN + "expired\\.dnssec\\.org bogus: " + reason + "\n")
                .contains("error   DNSSEC_RRSIG_EXPIRED  expired.dnssec.org.  ns1.expired.dnssec.org "
                        + "(127.53.53.40)  " + reason + "\n");
        assertThat(problems(run)).isOne();
    }

    @Test
    void signaturesNotYetValidAreBogusWithTheirStart() {
        CliRun run = dnssec("www.not-yet-valid.dnssec.org");
        String reason = "RRSIG not-yet-valid.dnssec.org DNSKEY not valid before "
                + LocalDate.now(ZoneOffset.UTC).plusDays(1);
        assertThat(run.out())
                .contains("(127.53.53.100) Got authoritative answer [DNSSEC bogus: " + reason + "] \n")
                .contains("error   DNSSEC_RRSIG_NOT_YET_VALID  not-yet-valid.dnssec.org.  "
                        + "ns1.not-yet-valid.dnssec.org (127.53.53.100)  " + reason + "\n");
        assertThat(problems(run)).isOne();
    }

    @Test
    void dsMatchingNoKeyIsBogus() {
        CliRun run = dnssec("www.ds-mismatch.dnssec.org");
        assertThat(run.out())
                .containsPattern("\\(127\\.53\\.53\\.50\\) Got authoritative answer \\[DNSSEC bogus: no DNSKEY matches "
                        + "the DS \\(key tag \\d+\\)\\] \n")
                .containsPattern("error   DNSSEC_DS_NO_MATCHING_DNSKEY  ds-mismatch\\.dnssec\\.org\\.  "
                        + "ns1\\.ds-mismatch\\.dnssec\\.org \\(127\\.53\\.53\\.50\\)  no DNSKEY matches the DS "
                        + "\\(key tag \\d+\\)\n");
        assertThat(problems(run)).isOne();
    }

    @Test
    void oneServerOfThreeWithExpiredSignaturesIsNamed() {
        CliRun run = dnssec("www.one-expired.dnssec.org");
        String reason = "RRSIG one-expired.dnssec.org DNSKEY expired " + EXPIRED;
        assertThat(run.out())
                .contains("ns1.one-expired.dnssec.org [one-expired.dnssec.org] (127.53.53.60) Got authoritative answer "
                        + "[DNSSEC secure] \n")
                .contains("ns2.one-expired.dnssec.org [one-expired.dnssec.org] (127.53.53.61) Got authoritative answer "
                        + "[DNSSEC bogus: " + reason + "] \n")
                .contains("ns3.one-expired.dnssec.org [one-expired.dnssec.org] (127.53.53.62) Got authoritative answer "
                        + "[DNSSEC secure] \n")
                .containsPattern("one-expired\\.dnssec\\.org \\(\\d+ ECDSAP256SHA256\\) bogus: " + reason
                        + " \\(1 of 3 servers\\)\n")
                .contains("error   DNSSEC_RRSIG_EXPIRED  one-expired.dnssec.org.  ns2.one-expired.dnssec.org "
                        + "(127.53.53.61)  " + reason + "\n");
        // the copies differ only in their signatures: that is not a disagreement on the data
        assertThat(problems(run)).isOne();
    }

    @Test
    void algorithms8And13And15AreValidated() {
        assertThat(dnssec("www.rsa.dnssec.org").out())
                .containsPattern(UPPER_CHAIN + "rsa\\.dnssec\\.org \\(\\d+ RSASHA256\\) secure\n");
        assertThat(dnssec("www.ed25519.dnssec.org").out())
                .containsPattern(UPPER_CHAIN + "ed25519\\.dnssec\\.org \\(\\d+ ED25519\\) secure\n");
    }

    @Test
    void algorithmTheValidatorDoesNotSupportIsInsecureWithAWarning() {
        CliRun run = dnssec("www.private-alg.dnssec.org");
        assertThat(run.out())
                .contains("(127.53.53.90) Got authoritative answer [DNSSEC insecure: unsupported algorithm PRIVATEDNS] \n")
                .contains("warning DNSSEC_UNSUPPORTED_ALGORITHM  private-alg.dnssec.org.  "
                        + "ns1.private-alg.dnssec.org (127.53.53.90)  the DS of private-alg.dnssec.org names only "
                        + "algorithms this validator does not support (PRIVATEDNS): treated as insecure (RFC 4035 5.2)\n");
        assertThat(problems(run)).isOne();
    }

    @Test
    void withoutDashDTheSignedScenariosLookUnsigned() {
        CliRun run = CliRun.of("--lab", "-o", "www.one-expired.dnssec.org");
        assertThat(run.out()).doesNotContain("DNSSEC").doesNotContain("RRSIG").doesNotContain("Warning")
                .contains("(127.53.53.61) Got authoritative answer \n");
    }

    @Test
    void overviewWithDashDShowsTheDataNotTheSignatures() {
        assertThat(dnssec("-o", "www.secure.dnssec.org").out())
                .contains("ns1.secure.dnssec.org (127.53.53.10)    www.secure.dnssec.org -> 192.0.2.171\n")
                .doesNotContain("RRSIG");
    }

    @Test
    void validationTimeCanBeMoved() {
        CliRun later = dnssec("--dnssec-time", "2099-01-01", "www.secure.dnssec.org");
        assertThat(later.out()).containsPattern(
                "a\\.root-servers\\.net \\[\\.\\] \\(127\\.53\\.0\\.1\\) \\[DNSSEC bogus: RRSIG \\. DNSKEY expired [0-9-]+\\] \n");
    }

    @Test
    void trustAnchorFileReplacesTheLabsAnchor(@TempDir Path dir) throws IOException {
        Path iana = dir.resolve("root.key");
        Files.writeString(iana, ". IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D\n");
        CliRun run = dnssec("--trust-anchor", iana.toString(), "www.secure.dnssec.org");
        assertThat(run.out())
                .contains("(127.53.0.1) [DNSSEC bogus: no DNSKEY matches the DS (key tag 20326)] \n")
                .contains("ns1.secure.dnssec.org [secure.dnssec.org] (127.53.53.10) Got authoritative answer "
                        + "[DNSSEC bogus: chain of trust broken at .] \n");
        assertThat(problems(run)).isOne();
    }

    @Test
    void jsonCarriesEveryVerdictTheChainsAndTheProblems() {
        String json = dnssec("--json", "www.one-expired.dnssec.org").out();
        assertThat(json).containsPattern("\"dnssec\" : \\{\\s*\"status\" : \"secure\"")
                .containsPattern("\"status\" : \"bogus\",\\s*\"reason\" : \"RRSIG one-expired.dnssec.org DNSKEY expired "
                        + EXPIRED)
                .contains("\"anchorSource\" : \"lab trust anchor\"")
                .contains("\"code\" : \"DNSSEC_RRSIG_EXPIRED\"")
                .contains("\"address\" : \"127.53.53.61\"")
                .containsPattern("\"dnskeyQueries\" : \\d+");
        assertThat(CliRun.of("--lab", "--json", "www.secure.dnssec.org").out()).doesNotContain("dnssec\" :");
    }

    @Test
    void labServeWithDashDPrintsTheTrustAnchorOfItsSignedZones() {
        CliRun run = CliRun.of("--lab-serve", "-D", "--lab-for", "1");
        assertThat(run.status()).isZero();
        assertThat(run.out()).containsPattern("Trust anchor: \\.\\s+86400\\s+IN\\s+DS\\s+\\d+ 8 2 [0-9A-F]{64}\n");
        assertThat(CliRun.of("--lab-serve", "--lab-for", "1").out()).doesNotContain("Trust anchor");
    }

    @Test
    void dnssecOptionsAreCheckedBeforeAnythingIsSent() {
        CliRun noEdns = dnssec("--no-edns", "www.secure.dnssec.org");
        assertThat(noEdns.status()).isEqualTo(2);
        assertThat(noEdns.err()).contains("-D needs EDNS");
        CliRun anchorAlone = CliRun.of("--lab", "--trust-anchor", "/nonexistent", "www.secure.dnssec.org");
        assertThat(anchorAlone.status()).isEqualTo(2);
        assertThat(anchorAlone.err()).contains("--trust-anchor needs -D");
        assertThat(dnssec("--dnssec-time", "yesterday", "x.org").err()).contains("--dnssec-time needs a date");
        assertThat(dnssec("--trust-anchor", "/nonexistent/root.key", "x.org").err()).contains("/nonexistent/root.key");
    }

    @Test
    void aBogusChainIsAnErrorFindingSoFailOnErrorExitsFour() {
        assertThat(dnssec("--fail-on", "error", "www.expired.dnssec.org").status()).isEqualTo(4);
        assertThat(dnssec("--fail-on", "error", "www.secure.dnssec.org").status()).isZero();
        assertThat(dnssec("--fail-on", "error", "www.private-alg.dnssec.org").status()).isZero();
        assertThat(dnssec("--fail-on", "warning", "www.private-alg.dnssec.org").status()).isEqualTo(4);
    }

    @Test
    void resolverStartIsValidatedFromTheAnchorThroughTheRootHintsAsWithSDot() {
        // -s <the lab's resolver>: its own line is no authoritative data; the zones traced below it have no parent
        // line, so their DS is traced from the lab's root hints and checked from the anchor: the same verdicts
        // (and the same expired server found) as from the root, not "no trust anchor" everywhere
        CliRun run = dnssec("-s", "127.53.30.1", "--fail-on", "error", "www.one-expired.dnssec.org");
        String reason = "RRSIG one-expired.dnssec.org DNSKEY expired " + EXPIRED;
        assertThat(run.out())
                .contains("(127.53.53.60) Got authoritative answer [DNSSEC secure] \n")
                .contains("(127.53.53.61) Got authoritative answer [DNSSEC bogus: " + reason + "] \n")
                .contains("(127.53.53.62) Got authoritative answer [DNSSEC secure] \n")
                .containsPattern("DNSSEC chain of www\\.one-expired\\.dnssec\\.org A: " + UPPER_CHAIN
                        + "one-expired\\.dnssec\\.org \\(\\d+ ECDSAP256SHA256\\) bogus: " + reason)
                .contains("error   DNSSEC_RRSIG_EXPIRED  one-expired.dnssec.org.  ns2.one-expired.dnssec.org "
                        + "(127.53.53.61)  " + reason + "\n")
                .doesNotContain("no trust anchor");
        assertThat(run.status()).isEqualTo(4);
    }

    @Test
    void startServerBelowTheRootGetsItsDsFromTheParentTracedFromTheRootHints() {
        CliRun run = dnssec("-s", "127.53.53.1", "www.secure.dnssec.org");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("(127.53.53.1) [DNSSEC secure] \n")
                .contains("ns1.secure.dnssec.org [secure.dnssec.org] (127.53.53.10) Got authoritative answer [DNSSEC secure] \n")
                .containsPattern("DNSSEC chain of www\\.secure\\.dnssec\\.org A: " + UPPER_CHAIN
                        + "secure\\.dnssec\\.org \\(\\d+ ECDSAP256SHA256\\) secure\n")
                .doesNotContain("no trust anchor");
        assertThat(problems(run)).isZero();
    }

    @Test
    void rootHintsWithoutTrustAnchorSayTheIanaAnchorsDoNotMatchThisRoot(@TempDir Path dir) throws IOException {
        // a signed lab served on its own, traced with --root-hints naming its root but no --trust-anchor: the
        // built-in IANA anchors are used, match no key of this root, and the reason says what to do
        try (org.dnstracer.lab.Lab lab = org.dnstracer.lab.Lab.start(org.dnstracer.lab.LabDefinition.builtIn(), 0, true)) {
            Path hints = dir.resolve("hints");
            StringBuilder text = new StringBuilder();
            lab.rootHints().forEach(r -> text.append(r).append('\n'));
            Files.writeString(hints, text);
            CliRun run = CliRun.of("-D", "-s", ".", "--root-hints", hints.toString(), "-p", String.valueOf(lab.port()),
                    "www.secure.dnssec.org");
            assertThat(run.out())
                    .contains("[DNSSEC bogus: no DNSKEY matches the DS (key tag 20326, 38696): the built-in IANA trust "
                            + "anchors do not match this root's keys: give --trust-anchor] \n")
                    .contains("error   DNSSEC_DS_NO_MATCHING_DNSKEY  .  ");
        }
    }

    @Test
    void aRootTheAnchorDoesNotMatchBreaksTheChainOfAStartServerBelowIt(@TempDir Path dir) throws IOException {
        // the chain above -s is judged, not assumed: with an anchor no key of the lab's root matches, the DS traced
        // from the root hints is not believed, so dnssec.org's server is bogus through the root, as with -s .
        Path iana = dir.resolve("root.key");
        Files.writeString(iana, ". IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D\n");
        CliRun run = dnssec("-s", "127.53.53.1", "--trust-anchor", iana.toString(), "www.secure.dnssec.org");
        assertThat(run.out())
                .contains("(127.53.53.1) [DNSSEC bogus: chain of trust broken at .] \n")
                .contains("ns1.secure.dnssec.org [secure.dnssec.org] (127.53.53.10) Got authoritative answer "
                        + "[DNSSEC bogus: chain of trust broken at .] \n")
                .contains("DNSSEC chain of www.secure.dnssec.org A: . bogus: no DNSKEY matches the DS (key tag 20326) "
                        + "-> org bogus: chain of trust broken at . -> dnssec.org bogus: chain of trust broken at . -> ")
                // the root server's fault is named although its line is not in the tree traced from -s
                .contains("error   DNSSEC_DS_NO_MATCHING_DNSKEY  .  a.root-servers.net (127.53.0.1)  no DNSKEY matches")
                .doesNotContain("no trust anchor");
    }
}
