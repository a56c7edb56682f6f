package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's table of finding codes is the enum's table: run with {@code -Dreadme.update=true} to rewrite it
 * after changing {@link FindingCode} (and review the diff).
 */
class ReadmeTableTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String START = "<!-- finding codes: generated from FindingCode by ReadmeTableTest -->";
    private static final String END = "<!-- end of finding codes -->";

    static String table() {
        List<String> lines = new ArrayList<>();
        lines.add("| Code | Severity | From | Meaning | Zonemaster | DNSViz |");
        lines.add("|---|---|---|---|---|---|");
        for (FindingCode code : FindingCode.values()) {
            lines.add(code.readmeRow());
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void readmeListsEveryCodeAsTheEnumDefinesIt() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README marker %s", START).isNotNegative();
        assertThat(end).as("README marker %s", END).isGreaterThan(start);
        String current = readme.substring(start + START.length() + 1, end);
        if (Boolean.getBoolean("readme.update")) {
            readme = readme.substring(0, start + START.length() + 1) + table() + readme.substring(end);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
            current = table();
        }
        assertThat(current).isEqualTo(table());
    }

    @Test
    void everyCodeHasAMeaningAndBothPeerColumns() {
        for (FindingCode code : FindingCode.values()) {
            assertThat(code.meaning()).as(code.name()).isNotBlank().doesNotContain("|");
            assertThat(code.zonemaster()).as(code.name()).isNotBlank().doesNotContain("|");
            assertThat(code.dnsviz()).as(code.name()).isNotBlank().doesNotContain("|");
        }
    }
}
