package org.dnstracer.findings;

import java.util.ArrayList;
import java.util.List;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.model.Trace;

/**
 * Names every fault of a finished trace, against the server address that causes it: a pure function of the trace
 * (and of the probe results, when {@code --check} ran), sending no query.
 */
public final class Findings {
    private Findings() {}

    /** Worst first; within a severity in tree order, each (code, zone, address) once. */
    public static List<Finding> of(Trace trace, ProbeResults probes, AnalysisOptions options) {
        return of(trace, probes, options, null);
    }

    /** With the DNSSEC validator's report ({@code -D}; null without): its problems become findings too. */
    public static List<Finding> of(Trace trace, ProbeResults probes, AnalysisOptions options, DnssecReport dnssec) {
        List<TreeWalk> walk = TreeWalk.of(trace);
        Delegators delegators = new Delegators(walk);
        FindingCollector out = new FindingCollector();
        ServerFindings.find(walk, delegators, out);
        ZoneFindings.find(walk, delegators, options, out);
        AnswerFindings.find(walk, delegators, out);
        CnameFindings.find(trace, walk, delegators, options, out);
        ProbeFindings.find(probes, out);
        ZoneContentFindings.find(probes, out);
        HostNameFindings.find(probes, out);
        NsTtlFindings.find(walk, probes, out);
        DanglingCnames.find(trace, walk, delegators, out);
        List<Finding> all = new ArrayList<>(out.findings());
        all.addAll(DnssecFindings.of(dnssec));
        // worst first, stable: tree order stays within a severity. Not Comparator.comparing: its lambda is
        // serializable, which no AOT cache links ahead of time (3 ms at each start)
        all.sort((a, b) -> a.severity().compareTo(b.severity()));
        return all;
    }

    public static List<Finding> of(Trace trace) {
        return of(trace, ProbeResults.NONE, AnalysisOptions.defaults());
    }

    /** True when some finding is at least as bad as the threshold. */
    public static boolean anyAtLeast(List<Finding> findings, Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
