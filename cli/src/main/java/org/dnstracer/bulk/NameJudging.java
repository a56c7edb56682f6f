package org.dnstracer.bulk;

import java.util.List;
import java.util.Objects;
import org.dnstracer.dnssec.ChainValidator;
import org.dnstracer.dnssec.DnskeyFetcher;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.findings.AnalysisOptions;
import org.dnstracer.findings.Checker;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.FindingFilter;
import org.dnstracer.findings.Findings;
import org.dnstracer.findings.ProbeResults;
import org.dnstracer.findings.Severity;
import org.dnstracer.model.Trace;
import org.dnstracer.net.Transport;
import org.dnstracer.replay.SavedRun;
import org.dnstracer.trace.TraceRequest;

/**
 * How each name of a bulk run is judged, as a single trace would be: the one rule for {@code --bulk}'s lines and
 * the Spark job's rows.
 *
 * @param check {@code --check} probes
 * @param axfr {@code --axfr} probes
 * @param dnssec {@code -D}: when and against which anchors the chain is validated; null without
 * @param failOn the {@code --fail-on} threshold, which any one name's shown findings reach; null without
 * @param filter the findings shown ({@code --level}, {@code --ignore}); the others are marked hidden
 * @param analysis what the findings know of the run (a lab, CNAMEs followed)
 */
public record NameJudging(boolean check, boolean axfr, SavedRun.Dnssec dnssec, Severity failOn, FindingFilter filter,
        AnalysisOptions analysis) {
    public NameJudging {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(analysis, "analysis");
    }

    /** Findings only: no probes, no DNSSEC check, every finding shown, no threshold. */
    public static NameJudging findingsOnly(AnalysisOptions analysis) {
        return new NameJudging(false, false, null, null, FindingFilter.ALL, analysis);
    }

    /**
     * One name judged, on the calling thread: its probes and its DNSSEC check go through {@code transport} (the
     * bulk tracer's, paced like the trace's own queries).
     */
    public JudgedName judge(BulkResult result, Transport transport, BulkSettings settings) {
        Trace trace = result.trace();
        if (trace == null) {
            return new JudgedName(result, List.of(), null, filter, false, result.input().question() != null);
        }
        // the zones above a start server below the root (a resolver by default) are traced from the root hints
        // for each name, as a single trace does: -s . costs the same queries; --check's look-ups start there too
        TraceRequest request = new TraceRequest(trace.question(), settings.start(), settings.port(),
                settings.family(), true, false, settings.followCname(), settings.limits(), settings.rootHints(),
                settings.tries());
        ProbeResults probes = ProbeResults.NONE;
        if (check || axfr) {
            probes = new Checker(transport, settings.port(), settings.limits().maxQueries() - trace.stats().queries(),
                    axfr, check, request).run(trace);
        }
        DnssecReport report = null;
        if (dnssec != null) {
            report = ChainValidator.validate(trace, DnskeyFetcher.fetch(trace, transport, request, dnssec.anchors()),
                    dnssec.anchors(), dnssec.time());
        }
        List<Finding> findings = Findings.of(trace, probes, analysis, report);
        List<Finding> shown = filter.shown(findings);
        boolean failed = failOn != null && Findings.anyAtLeast(shown, failOn);
        boolean broken = !trace.anyAuthoritative() || Findings.anyAtLeast(shown, Severity.ERROR);
        return new JudgedName(result, findings, report, filter, failed, broken);
    }
}
