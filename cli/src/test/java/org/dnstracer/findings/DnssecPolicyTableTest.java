package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.dnstracer.dnssec.DnssecProblemCode;
import org.dnstracer.docs.GeneratedRegion;
import org.junit.jupiter.api.Test;

/**
 * The table of DNSSEC policy codes in docs/dnssec.md (what validates but the RFCs advise against) takes each code's
 * severity from {@link FindingCode} and why from explain.txt, as --explain prints them: a copy written by hand had
 * drifted (7 days where the code warns at 12 hours, warnings where it says notice). Run with
 * {@code -Dreadme.update=true} to rewrite it.
 */
class DnssecPolicyTableTest {
    /** The policy codes: those from DNSSEC_ALGORITHM_PROHIBITED on, the last block of the problem codes. */
    static List<FindingCode> policyCodes() {
        List<FindingCode> codes = new ArrayList<>();
        DnssecProblemCode[] all = DnssecProblemCode.values();
        for (DnssecProblemCode p : EnumSet.range(DnssecProblemCode.DNSSEC_ALGORITHM_PROHIBITED, all[all.length - 1])) {
            codes.add(FindingCode.valueOf(p.name()));
        }
        return codes;
    }

    static String table() {
        List<String> lines = new ArrayList<>();
        lines.add("| Code | Severity | Why that severity |");
        lines.add("|---|---|---|");
        for (FindingCode code : policyCodes()) {
            String why = FindingDoc.why(code);
            String prefix = code.severity().label() + ": ";
            lines.add("| [`" + code.name() + "`](findings.md#" + code.name().toLowerCase(Locale.ROOT) + ") | "
                    + code.severity().label() + " | "
                    + (why.startsWith(prefix) ? why.substring(prefix.length()) : why).replace("|", "\\|") + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void docsDnssecPolicyTableIsTheCodesSeverityAndExplanation() {
        GeneratedRegion.check(GeneratedRegion.DOCS.resolve("dnssec.md"), "DNSSEC policy codes", table());
    }

    @Test
    void policyCodesIncludeTheExpiryAndReplySizeChecks() {
        assertThat(policyCodes()).contains(FindingCode.DNSSEC_ALGORITHM_PROHIBITED,
                FindingCode.DNSSEC_RRSIG_EXPIRES_SOON, FindingCode.DNSSEC_DNSKEY_REPLY_LARGE)
                .doesNotContain(FindingCode.DNSSEC_RRSIG_EXPIRED);
    }
}
