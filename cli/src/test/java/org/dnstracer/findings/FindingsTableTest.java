package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dnstracer.docs.GeneratedRegion;
import org.junit.jupiter.api.Test;

/**
 * The table of finding codes in docs/findings.md is the enum's table: run with {@code -Dreadme.update=true} to
 * rewrite it after changing {@link FindingCode} (and review the diff).
 */
class FindingsTableTest {
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
    void docsListEveryCodeAsTheEnumDefinesIt() {
        GeneratedRegion.check(GeneratedRegion.DOCS.resolve("findings.md"), "finding codes", table());
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
