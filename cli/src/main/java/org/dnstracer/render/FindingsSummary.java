package org.dnstracer.render;

import java.util.List;
import java.util.Map;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.FindingFilter;
import org.dnstracer.findings.Severity;

/**
 * The line after the findings, so that a run without findings says so and one with findings says what they do to
 * the exit status: {@code Summary: 2 errors, 1 warning, 0 notices; the exit status ignores findings (--fail-on
 * SEVERITY makes it 4)}, or {@code No findings (--check also probes every zone cut for consistency)}.
 */
public final class FindingsSummary {
    private FindingsSummary() {}

    /**
     * @param all every finding, hidden ones included
     * @param filter what is shown
     * @param probed whether --check ran (else the line says what it adds)
     * @param failOn the --fail-on threshold, or null
     */
    public static String line(List<Finding> all, FindingFilter filter, boolean probed, Severity failOn) {
        List<Finding> shown = filter.shown(all);
        int hidden = all.size() - shown.size();
        String hiddenText = hidden == 0 ? "" : "; " + hidden + " hidden (" + hiddenBy(filter) + ")";
        if (shown.isEmpty()) {
            return (hidden == 0 ? "No findings" : "No findings shown") + hiddenText
                    + (probed ? "" : " (--check also probes every zone cut for consistency)");
        }
        StringBuilder b = new StringBuilder("Summary: ").append(counts(shown)).append(hiddenText);
        if (failOn == null) {
            b.append("; the exit status ignores findings (--fail-on SEVERITY makes it 4)");
        }
        return b.toString();
    }

    /** {@code 2 errors, 1 warning, 0 notices} */
    public static String counts(List<Finding> findings) {
        return counts(FindingFilter.counts(findings));
    }

    /** {@code 2 errors, 1 warning, 0 notices} from counts per severity. */
    public static String counts(Map<Severity, ? extends Number> counts) {
        StringBuilder b = new StringBuilder();
        for (Severity s : Severity.values()) {
            long n = counts.containsKey(s) ? counts.get(s).longValue() : 0;
            b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(s.label()).append(n == 1 ? "" : "s");
        }
        return b.toString();
    }

    private static String hiddenBy(FindingFilter filter) {
        StringBuilder b = new StringBuilder();
        if (filter.level() != null) {
            b.append("--level ").append(filter.level().label());
        }
        if (!filter.ignored().isEmpty()) {
            b.append(b.length() == 0 ? "" : ", ").append("--ignore");
        }
        return b.toString();
    }
}
