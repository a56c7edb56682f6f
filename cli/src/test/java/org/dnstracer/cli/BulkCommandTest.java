package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --bulk} on the built-in lab: one line per input, in order, bad lines in place, exit status, resume. */
class BulkCommandTest {
    private static final String NAMES = String.join("\n",
            "# a comment, then a blank line",
            "",
            "www.example.com",
            "example.com MX   # a trailing comment",
            "bad..name",
            "nonexistent.example.com",
            "192.0.2.80",
            "www.lame.com",
            "www.glueless.com AAAA",
            "a b c",
            "");

    @TempDir
    Path dir;

    private Path names(String text) throws IOException {
        Path file = dir.resolve("names.txt");
        Files.writeString(file, text);
        return file;
    }

    private static List<String> lines(String out) {
        return out.lines().toList();
    }

    @Test
    void oneLinePerInputInInputOrderWithBadLinesInPlace() throws IOException {
        CliRun run = CliRun.of("--lab", "-t", "1", "--rate", "0", "--bulk", names(NAMES).toString());
        List<String> lines = lines(run.out());
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).startsWith("{\"line\":3,\"input\":\"www.example.com\",\"name\":\"www.example.com.\","
                + "\"type\":\"A\",\"verdict\":\"answer\"");
        assertThat(lines.get(1)).contains("\"line\":4,").contains("\"type\":\"MX\"")
                .contains("\"answer\":[\"example.com. 3600 MX 10 mail.example.com\"]");
        assertThat(lines.get(2)).startsWith("{\"line\":5,\"input\":\"bad..name\",\"verdict\":\"error\",\"error\":");
        assertThat(lines.get(3)).contains("\"verdict\":\"nxdomain\"");
        assertThat(lines.get(4)).contains("\"name\":\"80.2.0.192.in-addr.arpa.\",\"type\":\"PTR\"");
        assertThat(lines.get(5)).contains("\"verdict\":\"no-authoritative-answer\"")
                .contains("\"outcome\":\"lame\",\"lameReason\":\"refused\"");
        assertThat(lines.get(6)).contains("\"line\":9,").contains("\"type\":\"AAAA\"");
        assertThat(lines.get(7)).contains("\"line\":10,").contains("\"verdict\":\"error\"");
        assertThat(run.err()).startsWith("dnstracer: 8 names in ").contains("(2 bad input lines)");
        assertThat(run.status()).as("a bad input line").isEqualTo(Cli.USAGE);
    }

    @Test
    void exitStatusIsOneWhenSomeNameHasNoAuthoritativeAnswerAndZeroWhenAllHave() throws IOException {
        assertThat(CliRun.of("--lab", "--rate", "0", "--bulk", names("www.example.com\nwww.lame.com\n").toString())
                .status()).isEqualTo(Cli.NO_AUTHORITATIVE_ANSWER);
        assertThat(CliRun.of("--lab", "--rate", "0", "--bulk",
                names("www.example.com\nnonexistent.example.com\n").toString()).status()).isEqualTo(Cli.OK);
    }

    @Test
    void resumeSkipsWhatTheOutputHoldsAndCutsAnUnfinishedLastLine() throws IOException {
        Path out = dir.resolve("out.ndjson");
        Path input = names("www.example.com\nnonexistent.example.com\nbad..name\nexample.com MX\n");
        CliRun first = CliRun.of("--lab", "--rate", "0", "--bulk", input.toString(), "--out", out.toString());
        assertThat(first.out()).isEmpty();
        List<String> done = Files.readAllLines(out);
        assertThat(done).hasSize(4);
        // as if interrupted while writing the fourth line
        Files.writeString(out, done.get(0) + "\n" + done.get(1) + "\n" + done.get(2) + "\n"
                + done.get(3).substring(0, 20));

        CliRun resumed = CliRun.of("--lab", "--rate", "0", "--bulk", input.toString(), "--out", out.toString(),
                "--resume");

        List<String> all = Files.readAllLines(out);
        assertThat(all).hasSize(4);
        assertThat(all.subList(0, 3)).isEqualTo(done.subList(0, 3));
        assertThat(all.get(3)).contains("\"type\":\"MX\"").endsWith("}");
        assertThat(resumed.err()).contains("1 name in").contains("3 names already in the output skipped (--resume)");
    }

    @Test
    void jsonPutsTheWholeTraceDocumentOfEachNameOnItsLine() throws IOException {
        CliRun run = CliRun.of("--lab", "--rate", "0", "--json", "--bulk",
                names("www.example.com\nbad..name\n").toString());
        List<String> lines = lines(run.out());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"schema\":1,\"question\":{\"name\":\"www.example.com.\",\"type\":\"A\"}")
                .contains("\"sections\":[");
        assertThat(lines.get(1)).contains("\"verdict\":\"error\"");
        assertThat(ResumeKeys.keyOf(lines.get(0))).isEqualTo("www.example.com. A");
    }

    @Test
    void bulkOptionsAreRefusedWithoutBulkAndSingleTraceOptionsWithIt() throws IOException {
        CliRun run = CliRun.of("--lab", "--parallel", "3", "www.example.com");
        assertThat(run.status()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("need --bulk");
        CliRun both = CliRun.of("--lab", "--bulk", names("x.com\n").toString(), "www.example.com");
        assertThat(both.status()).isEqualTo(Cli.USAGE);
        CliRun resume = CliRun.of("--lab", "--bulk", names("x.com\n").toString(), "--resume");
        assertThat(resume.err()).contains("--resume needs --out");
        assertThat(CliRun.of("--lab", "--bulk", "x", "--parallel", "0").err()).contains("--parallel must be");
    }

    @Test
    void aMissingInputFileIsAnIoError() {
        CliRun run = CliRun.of("--lab", "--bulk", dir.resolve("none.txt").toString());
        assertThat(run.status()).isEqualTo(Cli.ERROR);
        assertThat(run.err()).contains("none.txt");
    }

    @Test
    void dashDFromAResolverStartValidatesEachNameFromTheAnchor() throws IOException {
        // the case: a bulk -D run from a resolver (here the lab's) said "no trust anchor" for every name and
        // hid the expired server; each name's start zone is now traced from the root hints as a single trace does
        CliRun run = CliRun.of("--lab", "-D", "-s", "127.53.30.1", "--rate", "0", "--fail-on", "error", "--bulk",
                names("www.one-expired.dnssec.org\nwww.secure.dnssec.org\n").toString());
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"code\":\"DNSSEC_RRSIG_EXPIRED\"").contains("\"address\":\"127.53.53.61\"")
                .contains("\"dnssec\":{\"status\":\"bogus\",\"chain\":\". (");
        assertThat(lines.get(1)).contains("\"findings\":[]").contains("\"dnssec\":{\"status\":\"secure\"");
        assertThat(run.out()).doesNotContain("DNSSEC_NO_TRUST_ANCHOR");
        assertThat(run.status()).isEqualTo(4);
    }
}
