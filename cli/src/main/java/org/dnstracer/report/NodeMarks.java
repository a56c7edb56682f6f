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
 * @param given whether zone mode's {@code --ns} named this server: the user's delegation, not the parent's
 */
public record NodeMarks(Severity worst, DnssecStatus dnssec, String dnssecText, List<Integer> findings,
        boolean given) {
    /** Nothing found, nothing checked. */
    public static final NodeMarks NONE = new NodeMarks(null, null, null, List.of());
    /** The badge, legend and details text of a server {@code --ns} named. */
    public static final String GIVEN = "given by --ns";

    public NodeMarks {
        findings = List.copyOf(findings);
    }

    /** Marks of a server no {@code --ns} named. */
    public NodeMarks(Severity worst, DnssecStatus dnssec, String dnssecText, List<Integer> findings) {
        this(worst, dnssec, dnssecText, findings, false);
    }

    /** True when there is a badge to draw. */
    public boolean any() {
        return worst != null || dnssec != null || given;
    }

    /** The badges' texts, in drawing order: {@code error}, {@code DNSSEC bogus}, {@code given by --ns}. */
    public List<String> badges() {
        List<String> badges = new java.util.ArrayList<>();
        if (worst != null) {
            badges.add(worst.label());
        }
        if (dnssec != null) {
            badges.add(dnssecBadge());
        }
        if (given) {
            badges.add(GIVEN);
        }
        return List.copyOf(badges);
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
