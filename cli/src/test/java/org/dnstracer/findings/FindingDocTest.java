package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.dnstracer.docs.GeneratedRegion;
import org.junit.jupiter.api.Test;

/**
 * Every code is documented once, in the enum's order, and the explanations in docs/findings.md are what
 * {@link FindingDoc} generates: run with {@code -Dreadme.update=true} to rewrite them after changing a code (and
 * review the diff).
 */
class FindingDocTest {

    @Test
    void everyCodeHasExactlyOneBlockInTheEnumsOrder() {
        assertThat(FindingDoc.documented())
                .containsExactlyElementsOf(Arrays.stream(FindingCode.values()).map(Enum::name).toList());
    }

    @Test
    void explainGivesTheCodesColumnsAndItsWhyRfcAndFix() {
        assertThat(FindingDoc.explain(FindingCode.RECURSION_AVAILABLE)).isEqualTo(String.join("\n",
                "RECURSION_AVAILABLE (warning, from --check)",
                "  " + FindingCode.RECURSION_AVAILABLE.meaning(),
                "Severity:   warning: an open resolver helps amplification attacks and mixes cache with zone data; "
                        + "RA=1 alone is no fault",
                "RFC:        RFC 5358; RFC 1035 §4.1.1 (RA)",
                "Zonemaster: NAMESERVER01 (IS_A_RECURSOR)",
                "DNSViz:     -",
                "Fix:        turn recursion off on the authoritative server, or restrict it to your own clients", ""));
        for (FindingCode code : FindingCode.values()) {
            assertThat(FindingDoc.explain(code)).as(code.name()).doesNotContain("(not documented)")
                    .startsWith(code.name() + " (" + code.severity().label());
        }
    }

    @Test
    void severityReasonStartsWithTheCodesSeverity() {
        for (FindingCode code : FindingCode.values()) {
            assertThat(FindingDoc.explain(code)).as(code.name())
                    .contains("\nSeverity:   " + code.severity().label() + ": ");
        }
    }

    @Test
    void codesAreFoundInAnyCase() {
        assertThat(FindingDoc.code("ns_is_cname")).isEqualTo(FindingCode.NS_IS_CNAME);
        assertThat(FindingDoc.code("NO_SUCH_CODE")).isNull();
    }

    @Test
    void docsFindingsMdExplainsEveryCodeAsExplainDoes() {
        GeneratedRegion.check(GeneratedRegion.DOCS.resolve("findings.md"), "explanations", FindingDoc.markdown());
    }
}
