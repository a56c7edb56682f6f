package org.dnstracer.bulk;

import java.util.List;
import java.util.Map;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.FindingFilter;
import org.dnstracer.findings.Severity;

/**
 * One name of a bulk run as {@link NameJudging} judged it.
 *
 * @param findings all its findings (those the filter hides included, marked so in the output)
 * @param report its DNSSEC report with {@code -D}, else null
 * @param failed a shown finding reached {@code --fail-on}
 * @param broken an error finding shown, or no authoritative answer
 */
public record JudgedName(BulkResult result, List<Finding> findings, DnssecReport report, FindingFilter filter,
        boolean failed, boolean broken) {
    public JudgedName {
        findings = List.copyOf(findings);
    }

    /** The output line, newline included: the summary object, or with {@code full} the whole trace document. */
    public String text(boolean full) {
        return BulkJson.text(result, findings, report, filter, full);
    }

    /** The shown findings per severity. */
    public Map<Severity, Integer> shownCounts() {
        return FindingFilter.counts(filter.shown(findings));
    }
}
