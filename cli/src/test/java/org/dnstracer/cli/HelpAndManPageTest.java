package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.dnstracer.findings.FindingCode;
import org.dnstracer.interop.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/** --help grouped by task with examples; the man page from the same model, as man shows it; completion values. */
class HelpAndManPageTest {
    @TempDir
    Path dir;

    @Test
    void everyOptionIsInExactlyOneGroup() {
        List<String> grouped = new ArrayList<>();
        CommandModel.GROUPS.forEach(g -> grouped.addAll(g.options()));
        List<String> all = new TraceCommand().model().options().stream().map(OptionSpec::longestName).toList();
        assertThat(grouped).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void helpListsTheOptionsByTaskThenFiveExamples() {
        CliRun run = CliRun.of("--help");
        assertThat(run.status()).isZero();
        String out = run.out();
        int previous = -1;
        for (CommandModel.Group g : CommandModel.GROUPS) {
            int at = out.indexOf("\n" + g.heading() + ":\n");
            assertThat(at).as(g.heading()).isGreaterThan(previous);
            previous = at;
        }
        assertThat(out).contains("\nWhat to trace:\n  -q, --query-type=TYPE");
        int examples = out.indexOf("\nExamples:\n");
        assertThat(examples).isGreaterThan(previous).isLessThan(out.indexOf("\nExit status:\n"));
        assertThat(CommandModel.EXAMPLES).hasSize(5);
        for (CommandModel.Example e : CommandModel.EXAMPLES) {
            assertThat(out.substring(examples)).contains("  " + e.command() + "\n      " + e.purpose() + "\n");
        }
    }

    @Test
    void theExamplesAreValidCommandLines() {
        // each parses and passes validation up to the network: run in the lab, with files in a temporary directory
        for (CommandModel.Example e : CommandModel.EXAMPLES) {
            List<String> args = new ArrayList<>(List.of("--lab", "--max-time", "5"));
            for (String word : e.command().substring("dnstracer ".length()).split(" ")) {
                args.add(word.endsWith(".html") || word.endsWith(".ndjson") || word.endsWith(".txt")
                        ? dir.resolve(word).toString() : word);
            }
            args.remove("-s"); // the lab starts at its root; -s . is what the examples use outside it
            args.remove(".");
            if (args.contains("--bulk")) {
                writeNames();
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.status()).as("%s: %s", e.command(), run.err()).isIn(Cli.OK, Cli.NO_AUTHORITATIVE_ANSWER,
                    Cli.FINDINGS);
        }
    }

    private void writeNames() {
        try {
            Files.writeString(dir.resolve("names.txt"), "www.example.com\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void completionOffersTheValuesOfEnumeratedOptions() {
        String script = GenerateDocs.completion();
        assertThat(script).contains("_option_args=(\"error\" \"warning\" \"notice\") # --fail-on values")
                .contains("_option_args=(\"error\" \"warning\" \"notice\") # --level values")
                .containsPattern("_option_args=\\(\"A\" \"AAAA\" .*\"MX\" .* # --query-type values")
                .containsPattern("_option_args=\\(\"LAME_REFUSED\" .* # --ignore values");
        // and the values are offered after the option
        assertThat(script).containsPattern("'--fail-on'\\)\\s*\n\\s*local IFS=\\$'\\\\n'\\s*\n\\s*"
                + "COMPREPLY=\\( \\$\\( compReplyArray \"\\$\\{[A-Z]+_option_args\\[@\\]\\}\"");
    }

    private static Optional<String> missingMan() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "man"))) {
                return Optional.empty();
            }
        }
        return Optional.of("no man command on PATH (Debian package man-db) to render the man page with man -l");
    }

    @Test
    void theManPageHasItsSectionsTheCodesAndAWholeFooter() throws Exception {
        Skip.unless(missingMan());
        Path page = dir.resolve("dnstracer.1");
        LocalDate date = LocalDate.of(2026, 12, 7);
        Files.writeString(page, ManPage.render(new TraceCommand().model(), BuildVersion.VERSION, date));
        ProcessBuilder pb = new ProcessBuilder("man", "-l", "-P", "cat", page.toString());
        pb.environment().put("MANWIDTH", "100");
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("MANPAGER");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process man = pb.start();
        String text = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(man.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(man.exitValue()).isZero();
        // man may embolden with backspaces when its output is not a terminal: read the letters alone
        text = text.replaceAll(".\b", "");
        List<String> lines = text.lines().toList();
        int previous = -1;
        for (String section : ManPage.sections()) {
            int at = lines.indexOf(section);
            assertThat(at).as("section %s in%n%s", section, text).isGreaterThan(previous);
            previous = at;
        }
        for (FindingCode c : FindingCode.values()) {
            assertThat(text).contains(c.name());
        }
        assertThat(text).contains("dig(1), drill(1), delv(1), zonemaster-cli(1), dnsviz(1)");
        assertThat(text).contains("dnstracer --zone example.com --fail-on error");
        assertThat(text).contains("dnstracer [options] --zone ZONE [--ns NAME[/ADDRESS]]...");
        assertThat(text).contains("--fail-on SEVERITY");
        String footer = lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElseThrow();
        assertThat(footer).matches("dnstracer " + Pattern.quote(BuildVersion.VERSION) + " +2026-12-07 +DNSTRACER\\(1\\)");
    }
}
