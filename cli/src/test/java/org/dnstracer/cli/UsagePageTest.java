package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.dnstracer.docs.GeneratedRegion;
import org.junit.jupiter.api.Test;

/**
 * docs/usage.md lists the options as --help and the man page do, from the same command model: run with
 * {@code -Dreadme.update=true} to rewrite that part after changing an option (and review the diff).
 */
class UsagePageTest {
    @Test
    void docsUsageListsTheOptionsOfTheCommandModel() {
        GeneratedRegion.check(GeneratedRegion.DOCS.resolve("usage.md"), "options", UsagePage.render());
    }

    @Test
    void everyOptionOfTheModelIsOnThePage() {
        String page = UsagePage.render();
        for (picocli.CommandLine.Model.OptionSpec o : new TraceCommand().model().options()) {
            assertThat(page).as(o.longestName()).contains("`" + o.longestName());
        }
        assertThat(page).contains("| `--lab [DIR]` |", "| `-r`, `--retries N` |", "(default: 3)");
    }

    /** The hand-written table of docs/usage.md must not fall behind the model either: a new option needs its row. */
    @Test
    void everyOptionOfTheModelIsDescribedInDetail() throws IOException {
        String page = Files.readString(GeneratedRegion.DOCS.resolve("usage.md"), StandardCharsets.UTF_8);
        int start = page.indexOf("\n## Options in detail\n");
        assertThat(start).as("docs/usage.md: ## Options in detail").isNotNegative();
        int end = page.indexOf("\n## ", start + 1);
        StringBuilder firstCells = new StringBuilder(); // the option column; a mention in a meaning is no row
        for (String line : page.substring(start, end < 0 ? page.length() : end).split("\n")) {
            if (line.startsWith("| `")) {
                firstCells.append(line, 0, line.indexOf(" | ")).append('\n');
            }
        }
        String details = firstCells.toString();
        List<String> missing = new ArrayList<>();
        for (picocli.CommandLine.Model.OptionSpec o : new TraceCommand().model().options()) {
            if (!details.contains("`" + o.longestName() + "`") && !details.contains("`" + o.longestName() + " ")) {
                missing.add(o.longestName());
            }
        }
        assertThat(missing).as("options without a row in docs/usage.md's Options in detail").isEmpty();
    }
}
