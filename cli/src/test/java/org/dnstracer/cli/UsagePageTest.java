package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
