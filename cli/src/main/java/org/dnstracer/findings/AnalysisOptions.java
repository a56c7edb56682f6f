package org.dnstracer.findings;

/**
 * How to judge a trace.
 *
 * @param lab the trace ran in the lab: every address is a loopback one by design, so private addresses are not a
 *     fault and the same-prefix rule narrows to "one address" (see {@link FindingCode#SAME_PREFIX})
 * @param followCname CNAME targets were followed, so an untraced target means the chain was cut
 */
public record AnalysisOptions(boolean lab, boolean followCname) {
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(false, true);
    }
}
