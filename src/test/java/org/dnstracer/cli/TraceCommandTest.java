package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
                + "a.root.test [.] (127.60.0.1) Got authoritative answer [NXDOMAIN] \n");
        CliRun v6 = CliRun.of("--lab", lab(), "2001:db8::1");
        assertThat(v6.status()).isZero();
        assertThat(v6.out()).isEqualTo("Tracing to 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa[PTR] "
                + "via a.root.test, maximum of 3 retries\n"
                + "a.root.test [.] (127.60.0.1) Got authoritative answer [NXDOMAIN] \n");
    }

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
        assertThat(help.out()).contains("-q, --query-type=TYPE").contains("Exit status:");
        CliRun version = CliRun.of("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("dnstracer ");
    }

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', value = {
        "a..example.com                    | invalid host name 'a..example.com': invalid empty label",
        "-q NOPE www.example.com           | unknown query type 'NOPE'",
        "-q 0 www.example.com              | unknown query type '0'",
        "-r 0 www.example.com              | -r must be between 1 and 20",
        "-r x www.example.com              | -r needs a whole number",
        "-t -1 www.example.com             | -t must be between 0 and 3600",
        "-t soon www.example.com           | -t needs a number of seconds",
        "-4 -6 www.example.com             | -4 and -6 cannot be used together",
        "-S 127.0.0.1 -6 www.example.com   | is an IPv4 address but -6 asks for IPv6 only",
        "-S ::1 -4 www.example.com         | is an IPv6 address but -4 asks for IPv4 only",
        "-S 192.0.2.55 www.example.com     | is not an address of this machine",
        "-S nonsense www.example.com       | -S needs an IP address",
        "-s bad..name www.example.com      | invalid server name 'bad..name'",
        "-p 0 www.example.com              | -p must be a port number",
        "--edns-size 100 www.example.com   | --edns-size must be between 512 and 65535",
        "--root-hints /nonexistent/x a.com | cannot read root hints file /nonexistent/x",
        "-x www.example.com                | Unknown option: '-x'",
        "-q                                | Missing required parameter for option '--query-type'",
        "a.com b.com                       | Unmatched argument",
        "''                                | empty host name",
    })
    void badInputGetsOneLineAndStatusTwo(String args, String message) {
        String[] argv = args.equals("''") ? new String[] {""} : args.trim().split("\\s+");
        CliRun run = CliRun.of(argv);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
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
    void missingHostIsAUsageError() {
        CliRun run = CliRun.of("-o");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no host to trace");
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
                "127.60.2.2 zones=example.com:example.com.zone loss=0.75 seed=2"));
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
    void internationalisedNamesAreTracedInTheirAsciiForm() throws Exception {
        CliRun run = CliRun.of("--lab", lab(), "bücher.example.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Tracing to xn--bcher-kva.example.com[A] via a.root.test")
                .contains("(127.60.2.1) Got authoritative answer [NXDOMAIN] \n");
    }
}
