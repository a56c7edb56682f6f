package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TraceCommandTest {
    @TempDir
    Path tmp;

    private String lab() throws Exception {
        return CliRun.lab(tmp.resolve("lab"), "small").toString();
    }

    @Test
    void tracesTheLabAndExitsZeroOnAnAuthoritativeAnswer() throws Exception {
        CliRun run = CliRun.of("--lab", lab(), "-o", "www.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Tracing to www.example.com[A] via a.root.test, maximum of 3 retries\n"
                + "a.root.test [.] (127.60.0.1) \n"
                + " |\\___ a.gtld.test [com] (127.60.1.1) \n"
                + " |     |\\___ ns1.example.com [example.com] (127.60.2.1) Got authoritative answer \n");
        assertThat(run.out()).contains(" |      \\___ ns3.example.com [example.com] (127.60.2.3) Lame server [REFUSED] \n")
                .contains("\nns2.example.com (127.60.2.2)            www.example.com -> 192.0.2.80\n");
    }

    @Test
    void exitsOneWhenNoServerAnsweredAuthoritatively() throws Exception {
        Path dir = CliRun.lab(tmp.resolve("lab"), "small");
        String conf = Files.readString(dir.resolve("lab.conf"));
        Files.writeString(dir.resolve("lab.conf"), conf.replace("zones=example.com:example.com.zone", "refuse"));
        CliRun run = CliRun.of("--lab", dir.toString(), "www.example.com");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains(" |     |\\___ ns1.example.com [example.com] (127.60.2.1) Lame server [REFUSED] \n")
                .doesNotContain("Got authoritative answer");
    }

    @Test
    void classicFlagsClusterTakeAttachedArgumentsAndMayFollowTheHost() throws Exception {
        CliRun run = CliRun.of("www.example.com", "--lab", lab(), "-co4", "-qaaaa", "-r2");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Tracing to www.example.com[AAAA] via a.root.test, maximum of 2 retries\n")
                .contains("(::1) Not queried")
                .doesNotContain("(cached)")
                .contains("www.example.com -> 2001:db8::80");
    }

    @Test
    void numericTypesAreAccepted() throws Exception {
        CliRun run = CliRun.of("--lab", lab(), "-q", "15", "example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Tracing to example.com[MX] via")
                .contains(" |     |\\___ ns1.example.com [example.com] (127.60.2.1) Got authoritative answer");
    }

    @Test
    void anIpAddressIsTracedAsItsReverseName() throws Exception {
        // the small lab has no reverse zones: the root answers NXDOMAIN, which is an authoritative answer
        CliRun v4 = CliRun.of("--lab", lab(), "192.0.2.80");
        assertThat(v4.status()).isZero();
        assertThat(v4.out()).isEqualTo("Tracing to 80.2.0.192.in-addr.arpa[PTR] via a.root.test, maximum of 3 retries\n"
                + "a.root.test [.] (127.60.0.1) Got authoritative answer [NXDOMAIN] \n" + NO_FINDINGS);
        CliRun v6 = CliRun.of("--lab", lab(), "2001:db8::1");
        assertThat(v6.status()).isZero();
        assertThat(v6.out()).isEqualTo("Tracing to 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa[PTR] "
                + "via a.root.test, maximum of 3 retries\n"
                + "a.root.test [.] (127.60.0.1) Got authoritative answer [NXDOMAIN] \n" + NO_FINDINGS);
    }

    private static final String NO_FINDINGS = "\nNo findings (--check also probes every zone cut for consistency)\n";

    @Test
    void startsAtTheRootWithDotAndRootHints() throws Exception {
        Path dir = CliRun.lab(tmp.resolve("lab"), "small");
        Path hints = tmp.resolve("hints");
        Files.writeString(hints, ". 3600 IN NS a.root.test.\na.root.test. 3600 IN A 127.60.0.1\n");
        try (var lab = org.dnstracer.lab.Lab.start(org.dnstracer.lab.LabDefinition.load(dir), 0)) {
            CliRun run = CliRun.of("-s", ".", "--root-hints", hints.toString(), "-p", String.valueOf(lab.port()),
                    "www.example.com");
            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("\na.root.test [.] (127.60.0.1) \n");
            CliRun byName = CliRun.of("-s", "ns2.example.com", "--root-hints", hints.toString(), "-p",
                    String.valueOf(lab.port()), "www.example.com");
            assertThat(byName.status()).isZero();
            assertThat(byName.out()).contains("\nns2.example.com (127.60.2.2) Got authoritative answer \n");
        }
    }

    @Test
    void jsonIsOneDocumentWithTheWholeTree() throws Exception {
        CliRun run = CliRun.of("--lab", lab(), "--json", "www.example.com");
        assertThat(run.status()).isZero();
        try (JsonParser p = new JsonFactory().createParser(run.out())) {
            while (p.nextToken() != null) {
                // parses to the end: the document is well-formed
            }
        }
        assertThat(run.out()).contains("\"outcome\" : \"authoritative-answer\"")
                .contains("\"lameReason\" : \"refused\"")
                .contains("\"authoritativeAnswer\" : true")
                .doesNotContain("Tracing to");
    }

    @Test
    void verboseDumpsQueriesAndReplies() throws Exception {
        CliRun run = CliRun.of("--lab", lab(), "-v", "www.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(";; try 1: UDP query to 127.60.0.1:").contains("flags: qr aa")
                .contains("EDNS: version: 0");
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.of("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("-q, --query-type=TYPE").contains("Exit status:")
                .contains("  3  I/O or internal error (one line on stderr)");
        CliRun version = CliRun.of("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("dnstracer ");
    }

    @Test
    void versionAloneIsPrintedWithoutPicocliButExactlyAsPicocliPrintsIt() {
        for (String flag : new String[] {"--version", "-V"}) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int status = Cli.run(new String[] {flag}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
            CliRun picocli = CliRun.of(flag);

            assertThat(status).isZero();
            assertThat(out.toString()).startsWith("dnstracer ").isEqualTo(picocli.out());
            assertThat(err.toString()).isEqualTo(picocli.err()).isEmpty();
        }
    }

    /** Every bad input: the exact line on stderr, status 2, nothing on stdout; and no query is sent for any. */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("invalid host name 'a..example.com': invalid empty label", "a..example.com"),
                bad("empty host name", ""),
                bad("no host to trace given (try --help)", "-o"),
                bad("unexpected 'b.com' after the host 'a.com': a word after it is its query type, as in dig, and "
                        + "unknown query type 'b.com' (expected a type such as A, AAAA, MX, NS, TXT, or a number "
                        + "1-65535)", "a.com", "b.com"),
                bad("Unknown option: '-x'", "-x", "www.example.com"),
                bad("Missing required parameter for option '--query-type' (TYPE)", "-q"),
                bad("invalid host name 'stra\u00dfe..de': not a valid internationalised name (UTS #46: empty label)", "stra\u00dfe..de"),
                bad("invalid host name 'a\u200db.de': not a valid internationalised name (UTS #46: a zero-width joiner or non-joiner where none is allowed)", "a\u200db.de"),
                bad("invalid host name 'ab\u0663.de': not a valid internationalised name (UTS #46: mixes left-to-right and right-to-left against the bidi rule)", "ab\u0663.de"),
                bad("invalid host name '\u00fc\ufffd.de': not a valid internationalised name (UTS #46: a character not allowed in names)", "\u00fc\ufffd.de"),
                bad("Invalid value for option '--query-type': unknown query type 'NOPE' (expected a type such as A, AAAA, MX, NS, TXT, or a number 1-65535)", "-q", "NOPE", "a.com"),
                bad("Invalid value for option '--query-type': unknown query type '0' (expected a type such as A, AAAA, MX, NS, TXT, or a number 1-65535)", "-q", "0", "a.com"),
                bad("Invalid value for option '--query-type': unknown query type '65536' (expected a type such as A, AAAA, MX, NS, TXT, or a number 1-65535)", "-q65536", "a.com"),
                bad("Invalid value for option '--query-type': OPT is a meta-type that only travels with a message, not a question a server answers", "-q", "OPT", "a.com"),
                bad("Invalid value for option '--query-type': OPT is a meta-type that only travels with a message, not a question a server answers", "-q", "41", "a.com"),
                bad("Invalid value for option '--query-type': TSIG is a meta-type that only travels with a message, not a question a server answers", "-q", "tsig", "a.com"),
                bad("Invalid value for option '--query-type': TKEY is a meta-type that only travels with a message, not a question a server answers", "-q", "TYPE249", "a.com"),
                bad("Invalid value for option '--query-type': AXFR asks for a zone transfer, which is not a question a server answers to a non-recursive query (use dig AXFR over TCP)", "-q", "axfr", "a.com"),
                bad("Invalid value for option '--query-type': IXFR asks for a zone transfer, which is not a question a server answers to a non-recursive query (use dig IXFR over TCP)", "-q", "IXFR", "a.com"),
                bad("Invalid value for option '--retries': must be from 1 to 20 tries, not 0", "-r", "0", "a.com"),
                bad("Invalid value for option '--retries': must be from 1 to 20 tries, not 21", "-r21", "a.com"),
                bad("Invalid value for option '--retries': must be a whole number of tries from 1 to 20, not 'x'", "-r", "x", "a.com"),
                bad("Invalid value for option '--timeout': must be 0 (meaning 30) or from 0.001 to 3600 seconds, not '-1'", "-t", "-1", "a.com"),
                bad("Invalid value for option '--timeout': must be 0 (meaning 30) or from 0.001 to 3600 seconds, not '1e-10'", "-t", "1e-10", "a.com"),
                bad("Invalid value for option '--timeout': must be 0 (meaning 30) or from 0.001 to 3600 seconds, not '0.0009'", "-t", "0.0009", "a.com"),
                bad("Invalid value for option '--timeout': must be 0 (meaning 30) or from 0.001 to 3600 seconds, not '3601'", "-t", "3601", "a.com"),
                bad("Invalid value for option '--timeout': 'soon' is not a number of seconds", "-t", "soon", "a.com"),
                bad("Invalid value for option '--timeout': 'NaN' is not a number of seconds", "-t", "NaN", "a.com"),
                bad("Invalid value for option '--timeout': 'Infinity' is not a number of seconds", "-t", "Infinity", "a.com"),
                bad("Invalid value for option '--timeout': '5d' is not a number of seconds", "-t", "5d", "a.com"),
                bad("Invalid value for option '--port': must be a port number from 1 to 65535, not '0'", "-p", "0", "a.com"),
                bad("Invalid value for option '--port': must be a port number from 1 to 65535, not '70000'", "-p", "70000", "a.com"),
                bad("Invalid value for option '--port': must be a port number from 1 to 65535, not 'x'", "-p", "x", "a.com"),
                bad("--edns-size must be between 512 and 65535, not 100", "--edns-size", "100", "a.com"),
                bad("--ipv4, --ipv6 are mutually exclusive (specify only one)", "-4", "-6", "a.com"),
                bad("--ipv4, --ipv6 are mutually exclusive (specify only one)", "-co46", "a.com"),
                bad("--ipv4, --ipv6 are mutually exclusive (specify only one)", "--ipv6", "--ipv4", "a.com"),
                bad("only one of [-4 | -6] may be given, once", "-4", "-4", "a.com"),
                bad("-S 127.0.0.1 is an IPv4 address but -6 asks for IPv6 only", "-S", "127.0.0.1", "-6", "a.com"),
                bad("-S ::1 is an IPv6 address but -4 asks for IPv4 only", "-S", "::1", "-4", "a.com"),
                bad("-S 192.0.2.55 is not an address of this machine", "-S", "192.0.2.55", "a.com"),
                bad("-S needs an IP address, not 'nonsense'", "-S", "nonsense", "a.com"),
                bad("-6: no IPv6 start server (the default 127.0.0.1); give one with -s, or -s . to start at the root servers", "-6", "a.com"),
                bad("-S ::1: no IPv6 start server (the default 127.0.0.1); give one with -s, or -s . to start at the root servers", "-S", "::1", "a.com"),
                bad("-s 127.0.0.1 is not of the address family asked for", "-6", "-s", "127.0.0.1", "a.com"),
                bad("invalid server name 'bad..name': invalid empty label", "-s", "bad..name", "a.com"),
                bad("cannot read root hints file /nonexistent/x: /nonexistent/x", "--root-hints", "/nonexistent/x", "a.com"),
                bad("Invalid value for option '--port': must be a port number from 1 to 65535, not '70000'", "--lab-serve", "-p", "70000"),
                bad("Invalid value for option '--lab-for': must be a positive number of seconds (at most a year), not '0'", "--lab-serve", "--lab-for", "0"),
                bad("Invalid value for option '--lab-for': must be a positive number of seconds (at most a year), not '-1'", "--lab-serve", "--lab-for", "-1"),
                bad("Invalid value for option '--lab-for': 'soon' is not a number of seconds", "--lab-serve", "--lab-for", "soon"),
                bad("--lab-for needs --lab-serve", "--lab-for", "3", "--lab", "www.example.com"),
                bad("--lab-serve only serves the lab; it traces no HOST ('www.example.com')", "--lab-serve", "www.example.com"),
                bad("--lab and --lab-serve cannot be used together", "--lab", "--lab-serve"));
    }

    private static Arguments bad(String line, String... args) {
        return Arguments.of("[" + String.join(" ", args) + "]", line, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGetsOneLineAndStatusTwo(String shown, String line, String[] args) {
        CliRun run = CliRun.of(args);
        assertThat(run.err()).isEqualTo("dnstracer: " + line + "\n");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void overlongLabelsAndNamesAreRejected() {
        assertThat(CliRun.of("a".repeat(64) + ".com").err()).contains("label too long");
        String longName = ("a".repeat(60) + ".").repeat(5) + "com";
        CliRun run = CliRun.of(longName);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Name too long");
    }

    @Test
    void emptyRootHintsFileIsRejected() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.root"), "; nothing\n");
        CliRun run = CliRun.of("--root-hints", empty.toString(), "-s", ".", "www.example.com");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("has no root server with an address");
    }

    @Test
    void serverWithNothingListeningIsUnreachable() throws Exception {
        Path dir = CliRun.lab(tmp.resolve("lab"), "small");
        String conf = Files.readString(dir.resolve("lab.conf"));
        // 127.60.2.3 keeps its glue in com but no lab server listens there any more
        Files.writeString(dir.resolve("lab.conf"), conf.replaceAll("(?m)^server ns3.example.com.*$", ""));
        CliRun run = CliRun.of("--lab", dir.toString(), "www.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("ns3.example.com [example.com] (127.60.2.3) * [unreachable] \n");
    }

    @Test
    void aTryThatGotNoReplyIsMarkedWithAStarBeforeTheStatus() throws Exception {
        Path dir = CliRun.lab(tmp.resolve("lab"), "small");
        String conf = Files.readString(dir.resolve("lab.conf"));
        // with this seed the loss generator drops the first query to ns2 and lets the second through
        Files.writeString(dir.resolve("lab.conf"), conf.replace("127.60.2.2 zones=example.com:example.com.zone",
                "127.60.2.2 zones=example.com:example.com.zone loss=0.75 seed=4"));
        CliRun run = CliRun.of("--lab", dir.toString(), "-t", "1", "www.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains(" |     |\\___ ns1.example.com [example.com] (127.60.2.1) Got authoritative answer \n")
                .contains(" |     |\\___ ns2.example.com [example.com] (127.60.2.2) * Got authoritative answer \n")
                .contains("       |\\___ ns2.example.com [example.com] (127.60.2.2) (cached)\n");
    }

    @Test
    void cnameTargetsAreNotFollowedWhenAskedNotTo() throws Exception {
        CliRun run = CliRun.of("--lab", "--no-follow-cname", "www.cname-chain.com");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains(" \\___ ns1.cname-chain.com [cname-chain.com] (127.53.2.40) Got authoritative answer "
                        + "[received type is CNAME] \n")
                .doesNotContain("CNAME target of").doesNotContain("chain-target.net [");
    }

    @Test
    void sharpSIsItsOwnLetterAsIdna2008HasIt() throws Exception {
        // IDNA2003 (java.net.IDN) would have traced strasse.example.com, another domain
        assertThat(CliRun.of("--lab", lab(), "stra\u00dfe.example.com").out())
                .startsWith("Tracing to xn--strae-oqa.example.com[A] via a.root.test");
    }

    @Test
    void ipv6OnlyWithAnIpv4OnlyResolvConfIsAUsageErrorBeforeAnyQuery() throws Exception {
        Path conf = Files.writeString(tmp.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
        CliRun run = CliRun.withResolvConf(conf, "-6", "www.example.com");
        assertThat(run.err()).isEqualTo("dnstracer: -6: no IPv6 start server (the nameservers of " + conf
                + " are all IPv4); give one with -s, or -s . to start at the root servers\n");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aLabThatCannotBindIsAnIoErrorWithStatusThree() throws Exception {
        // the built-in lab's root server address, on a port taken here first
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getByAddress(
                new byte[] {127, 53, 0, 1}), 0))) {
            CliRun run = CliRun.of("--lab", "-p", String.valueOf(taken.getLocalPort()), "www.example.com");
            assertThat(run.status()).isEqualTo(3);
            assertThat(run.err()).startsWith("dnstracer: ").endsWith("\n").doesNotContain("\tat ");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void internationalisedNamesAreTracedInTheirAsciiForm() throws Exception {
        CliRun run = CliRun.of("--lab", lab(), "bücher.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Tracing to xn--bcher-kva.example.com[A] via a.root.test")
                .contains("(127.60.2.1) Got authoritative answer [NXDOMAIN] \n");
    }
}
