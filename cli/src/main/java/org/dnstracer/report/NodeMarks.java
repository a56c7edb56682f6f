package org.dnstracer.report;

import java.util.List;
import org.dnstracer.dnssec.DnssecStatus;
import org.dnstracer.findings.Severity;

/**
 * What a node is marked with besides its outcome, so that the graph shows where the faults are: the worst
 * severity of the findings against its address, and the DNSSEC verdict on what it sent ({@code -D}).
 *
 * @param worst the worst severity of its findings, or null when none names it
 * @param dnssec the worst DNSSEC status of its lines (bogus, then indeterminate, insecure, secure), or null when
 *     none was checked
 * @param dnssecText that status with its reason, as the tree prints it ({@code bogus: RRSIG ... expired ...})
 * @param findings the positions of its findings in the report's findings list
 */
public record NodeMarks(Severity worst, DnssecStatus dnssec, String dnssecText, List<Integer> findings) {
    /** Nothing found, nothing checked. */
    public static final NodeMarks NONE = new NodeMarks(null, null, null, List.of());

    public NodeMarks {
        findings = List.copyOf(findings);
    }

    /** True when there is a badge to draw. */
    public boolean any() {
        return worst != null || dnssec != null;
    }

    /** The badges' texts, in drawing order: {@code error}, {@code DNSSEC bogus}. */
    public List<String> badges() {
        if (worst == null) {
            return dnssec == null ? List.of() : List.of(dnssecBadge());
        }
        return dnssec == null ? List.of(worst.label()) : List.of(worst.label(), dnssecBadge());
    }

    private String dnssecBadge() {
        return "DNSSEC " + dnssec.word();
    }

    /** How bad a DNSSEC status is for the reader looking for faults: bogus first, secure last. */
    static int badness(DnssecStatus s) {
        return switch (s) {
            case BOGUS -> 3;
            case INDETERMINATE -> 2;
            case INSECURE -> 1;
            case SECURE -> 0;
        };
    }
}
