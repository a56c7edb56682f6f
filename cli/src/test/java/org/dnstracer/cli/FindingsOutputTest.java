package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line after the findings, --level and --ignore (text, --fail-on, JSON), and the bulk summary's additions. */
class FindingsOutputTest {
    @TempDir
    Path dir;

    private static String lastLine(String out) {
        List<String> lines = out.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void aRunWithoutFindingsSaysSoAndWhatCheckWouldAdd() {
        CliRun run = CliRun.of("--lab", "www.example.com");
        assertThat(run.out()).endsWith("\n\nNo findings (--check also probes every zone cut for consistency)\n");
        assertThat(lastLine(CliRun.of("--lab", "--check", "www.example.com").out())).isEqualTo("No findings");
    }

    @Test
    void findingsWithoutFailOnAreCountedAndTheExitStatusIsSaidToIgnoreThem() {
        CliRun run = CliRun.of("--lab", "www.lame.com");
        assertThat(lastLine(run.out())).isEqualTo("Summary: 3 errors, 0 warnings, 0 notices; the exit status ignores "
                + "findings (--fail-on SEVERITY makes it 4)");
        CliRun failing = CliRun.of("--lab", "--fail-on", "error", "www.lame.com");
        assertThat(failing.status()).isEqualTo(Cli.FINDINGS);
        assertThat(lastLine(failing.out())).isEqualTo("Summary: 3 errors, 0 warnings, 0 notices");
    }

    @Test
    void levelAndIgnoreHideFindingsFromTheTextAndFromFailOn() {
        CliRun ignored = CliRun.of("--lab", "--fail-on", "error", "--ignore",
                "lame_refused, UPWARD_REFERRAL,LAME_SAME_ZONE_REFERRAL", "www.lame.com");
        assertThat(ignored.out()).doesNotContain("Findings:").doesNotContain("LAME_REFUSED");
        assertThat(lastLine(ignored.out())).isEqualTo("No findings shown; 3 hidden (--ignore) (--check also probes "
                + "every zone cut for consistency)");
        assertThat(ignored.status()).as("no authoritative answer; the hidden errors do not count").isEqualTo(
                Cli.NO_AUTHORITATIVE_ANSWER);

        // www.disagree.com: one notice (ANSWER_MISMATCH), which --level error hides from the text and --fail-on
        CliRun all = CliRun.of("--lab", "--fail-on", "notice", "www.disagree.com");
        CliRun errorsOnly = CliRun.of("--lab", "--fail-on", "notice", "--level", "error", "www.disagree.com");
        assertThat(all.out()).contains("\nnotice  ANSWER_MISMATCH  disagree.com.");
        assertThat(all.status()).isEqualTo(Cli.FINDINGS);
        assertThat(errorsOnly.out()).doesNotContain("ANSWER_MISMATCH");
        assertThat(lastLine(errorsOnly.out())).isEqualTo("No findings shown; 1 hidden (--level error) (--check also "
                + "probes every zone cut for consistency)");
        assertThat(errorsOnly.status()).isEqualTo(Cli.OK);
    }

    @Test
    void aReplayTakesLevelAndIgnoreAsOutputOptions() {
        Path saved = dir.resolve("lame.json");
        assertThat(CliRun.of("--lab", "--save", saved.toString(), "www.lame.com").err()).isEmpty();
        CliRun replay = CliRun.of("--replay", saved.toString(), "--ignore", "LAME_REFUSED", "--fail-on", "error");
        assertThat(replay.out()).doesNotContain("LAME_REFUSED").contains("\nerror   UPWARD_REFERRAL  lame.com.");
        assertThat(lastLine(replay.out())).isEqualTo("Summary: 2 errors, 0 warnings, 0 notices; 1 hidden (--ignore)");
        assertThat(replay.status()).as("two errors are still shown").isEqualTo(Cli.FINDINGS);
    }

    @Test
    void jsonKeepsHiddenFindingsMarked() {
        CliRun run = CliRun.of("--lab", "--json", "--ignore", "LAME_REFUSED", "www.lame.com");
        String out = run.out().replaceAll("\\s+", "");
        assertThat(out).contains("\"code\":\"LAME_REFUSED\"");
        int refused = out.indexOf("\"code\":\"LAME_REFUSED\"");
        assertThat(out.substring(refused, out.indexOf('}', refused))).contains("\"hidden\":true");
        int upward = out.indexOf("\"code\":\"UPWARD_REFERRAL\"");
        assertThat(out.substring(upward, out.indexOf('}', upward))).doesNotContain("hidden");
    }

    @Test
    void badLevelAndUnknownCodesAreUsageErrors() {
        CliRun level = CliRun.of("--lab", "--level", "fatal", "www.example.com");
        assertThat(level.status()).isEqualTo(Cli.USAGE);
        assertThat(level.err()).isEqualTo("dnstracer: --level must be error, warning or notice, not 'fatal'\n");
        CliRun code = CliRun.of("--lab", "--ignore", "LAME_REFUSED,NO_SUCH_CODE", "www.example.com");
        assertThat(code.status()).isEqualTo(Cli.USAGE);
        assertThat(code.err()).startsWith("dnstracer: --ignore: 'NO_SUCH_CODE' is not a finding code");
    }

    @Test
    void bulkSummaryCountsFindingsAndListsBrokenNamesUpToABound() throws IOException {
        Path names = dir.resolve("names.txt");
        List<String> lines = new java.util.ArrayList<>(List.of("www.example.com", "nonexistent.example.com"));
        lines.addAll(Collections.nCopies(BulkRun.BROKEN_LISTED + 1, "www.lame.com"));
        Files.write(names, lines);
        CliRun run = CliRun.of("--lab", "--rate", "0", "--bulk", names.toString());
        List<String> err = run.err().lines().toList();
        assertThat(err).hasSize(2);
        assertThat(err.get(0)).contains("; findings: 63 errors, 0 warnings, 0 notices").doesNotContain("--rate");
        assertThat(err.get(1)).isEqualTo("dnstracer: 21 names with an error finding or without an authoritative "
                + "answer (the first 20): " + String.join(", ", Collections.nCopies(20, "www.lame.com")));
    }

    @Test
    void bulkSummarySaysWhenTheRateHeldQueriesBack() throws IOException {
        // seven zones of com: both com servers are asked once for each, two more than the burst of 5 at 1 a second
        Path names = dir.resolve("names.txt");
        Files.write(names, List.of("www.example.com", "www.lame.com", "www.glueless.com", "www.partly-lame.com",
                "www.cname-chain.com", "www.servfail.com", "www.disagree.com"));
        CliRun run = CliRun.of("--lab", "--rate", "1", "--bulk", names.toString());
        assertThat(run.err().lines().findFirst().orElseThrow())
                .containsPattern("; --rate 1 throttled the run: queries waited [0-9.]+ s in all for their turn "
                        + "\\(--rate 0: no limit\\)$");
    }

    @Test
    void bulkLinesMarkHiddenFindingsAndFailOnCountsOnlyShownOnes() throws IOException {
        Path names = dir.resolve("names.txt");
        Files.writeString(names, "www.lame.com\n");
        CliRun run = CliRun.of("--lab", "--rate", "0", "--fail-on", "error", "--ignore",
                "LAME_REFUSED,UPWARD_REFERRAL,LAME_SAME_ZONE_REFERRAL", "--bulk", names.toString());
        assertThat(run.out()).contains("\"code\":\"LAME_REFUSED\"").contains("\"hidden\":true");
        assertThat(run.status()).isEqualTo(Cli.NO_AUTHORITATIVE_ANSWER);
        assertThat(run.err()).contains("findings: 0 errors, 0 warnings, 0 notices");
    }
}
