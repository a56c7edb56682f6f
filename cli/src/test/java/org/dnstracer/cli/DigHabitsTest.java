package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a dig user types: {@code NAME TYPE} and {@code @SERVER NAME}; names a host cannot have; files checked before
 * the trace; I/O errors that say why; -v counts that cannot be read as flags.
 */
class DigHabitsTest {
    @TempDir
    Path dir;

    private static void assertUsage(CliRun run, String message) {
        assertThat(run.status()).as(run.err()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).isEqualTo("dnstracer: " + message + "\n");
        assertThat(run.out()).as("nothing traced").isEmpty();
    }

    @Test
    void aTypeAfterTheHostIsTheQueryType() {
        CliRun dig = CliRun.of("--lab", "example.com", "MX");
        CliRun q = CliRun.of("--lab", "-q", "MX", "example.com");
        assertThat(dig.status()).isZero();
        assertThat(dig.out()).startsWith("Tracing to example.com[MX] via a.root-servers.net")
                .contains("Got authoritative answer");
        assertThat(dig.out().lines().toList()).isEqualTo(q.out().lines().toList());
        assertThat(CliRun.of("--lab", "example.com", "15").out()).startsWith("Tracing to example.com[MX] ");
    }

    @Test
    void anAtServerIsTheStartServerBeforeOrAfterTheHost() {
        CliRun before = CliRun.of("--lab", "@127.53.1.1", "www.example.com");
        CliRun after = CliRun.of("--lab", "www.example.com", "@127.53.1.1", "AAAA");
        assertThat(before.status()).isZero();
        assertThat(before.out()).startsWith("Tracing to www.example.com[A] via 127.53.1.1, maximum of 3 retries\n")
                .doesNotContain("a.root-servers.net");
        assertThat(after.out()).startsWith("Tracing to www.example.com[AAAA] via 127.53.1.1,");
    }

    @Test
    void theServerOrTypeGivenTwiceOrAnUnknownWordIsAUsageError() {
        assertUsage(CliRun.of("--lab", "-s", "127.53.0.1", "@127.53.1.1", "x.com"),
                "the start server is given twice: -s 127.53.0.1 and @127.53.1.1");
        assertUsage(CliRun.of("--lab", "@127.53.0.1", "@127.53.1.1", "x.com"),
                "the start server is given twice: @127.53.0.1 and @127.53.1.1");
        assertUsage(CliRun.of("--lab", "-q", "A", "x.com", "MX"),
                "the query type is given twice: -q and 'MX' after the host");
        assertUsage(CliRun.of("--lab", "x.com", "MX", "TXT"),
                "unexpected 'TXT': give one HOST, then at most a TYPE (or -q) and an @SERVER (or -s)");
        assertUsage(CliRun.of("--lab", "@", "x.com"), "@ needs a server after it, as in @192.0.2.53 (or -s SERVER)");
        assertUsage(CliRun.of("--lab-serve", "--lab-for", "0.1", "@127.0.0.1"),
                "--lab-serve only serves the lab; it traces from no @127.0.0.1");
    }

    @Test
    void aNameWithCharactersNoHostHasIsAUsageErrorUnlessEscaped() {
        assertUsage(CliRun.of("--lab", "www.exa mple.com"), "invalid host name 'www.exa mple.com': a space cannot be "
                + "in a host name (letters, digits, '-', '_', '.', '*' and '/'; escape it, as in \\032, to ask for it "
                + "anyway)");
        assertUsage(CliRun.of("--lab", "www.example.com;"), "invalid host name 'www.example.com;': ';' cannot be "
                + "in a host name (letters, digits, '-', '_', '.', '*' and '/'; escape it, as in \\059, to ask for it "
                + "anyway)");
        CliRun escaped = CliRun.of("--lab", "www.exa\\032mple.com");
        assertThat(escaped.err()).isEmpty();
        assertThat(escaped.out()).startsWith("Tracing to www.exa\\032mple.com[A] ");
        // names, not targets: each is traced inside the lab (servers on 127.53.x.x); the RFC 2317 one is the
        // reverse zone of the loopback block 127.0.1.0/26
        for (String fine : List.of("_dmarc.example.com", "*.wild.example.com", "0/26.1.0.127.in-addr.arpa")) {
            assertThat(CliRun.of("--lab", fine).err()).as(fine).isEmpty();
        }
    }

    @Test
    void everyFileOptionIsCheckedBeforeTheTrace() {
        String nope = dir.resolve("nope").resolve("x").toString();
        for (String option : List.of("--html", "--svg", "--dot", "--save")) {
            assertUsage(CliRun.of("--lab", option, nope, "www.example.com"),
                    option + " " + nope + ": no such directory " + dir.resolve("nope"));
        }
        assertUsage(CliRun.of("--lab", "--html", dir.toString(), "www.example.com"),
                "--html " + dir + " is a directory");
        assertUsage(CliRun.of("--lab", "--bulk", "-", "--out", nope), "--out " + nope + ": no such directory "
                + dir.resolve("nope"));
    }

    @Test
    void anUnreadableBulkInputSaysWhy() {
        String nope = dir.resolve("names.txt").toString();
        CliRun run = CliRun.of("--lab", "--bulk", nope);
        assertThat(run.status()).isEqualTo(Cli.ERROR);
        assertThat(run.err()).isEqualTo("dnstracer: cannot read " + nope + ": no such file\n");
        CliRun directory = CliRun.of("--lab", "--bulk", dir.toString());
        assertThat(directory.err()).isEqualTo("dnstracer: cannot read " + dir + ": it is a directory\n");
    }

    @Test
    void verboseCountsAreSpelledOutNotReadableAsTheAdFlag() {
        String out = CliRun.of("--lab", "-v", "www.example.com").out();
        assertThat(out).contains(";; flags: qr aa ; QUERY: 1, ANSWER: 1, AUTHORITY: ")
                .doesNotContain(" ad: ").doesNotContain(" qd: ");
    }
}
