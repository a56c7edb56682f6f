package org.dnstracer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.dnstracer.dnssec.ChainValidator;
import org.dnstracer.dnssec.DnskeyFetcher;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.findings.AnalysisOptions;
import org.dnstracer.findings.Checker;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.Findings;
import org.dnstracer.findings.ProbeResults;
import org.dnstracer.findings.ServerNsid;
import org.dnstracer.findings.Severity;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceStats;
import org.dnstracer.net.Transport;
import org.dnstracer.render.DnssecText;
import org.dnstracer.findings.FindingFilter;
import org.dnstracer.render.FindingsBlock;
import org.dnstracer.render.FindingsSummary;
import org.dnstracer.render.JsonRenderer;
import org.dnstracer.render.NsidBlock;
import org.dnstracer.render.Trailer;
import org.dnstracer.render.TreePrinter;
import org.dnstracer.replay.Phase;
import org.dnstracer.replay.SavedRun;
import org.dnstracer.report.ReportFiles;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.ChildNameServers;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;
import org.dnstracer.trace.ZoneDelegation;

/**
 * One trace with its probes and DNSSEC check, rendered: the one path a live run and a replay ({@code --replay})
 * both take, so that every output of a live run can be made from its saved trace. Only the transport differs.
 */
final class SingleRun {
    private SingleRun() {}

    /**
     * What is asked and how it is judged: all of it comes from the command line in a live run, from the saved
     * trace in a replay.
     *
     * @param dnssec with {@code -D}: the anchors and the moment to check signatures at; else null
     * @param zone zone mode ({@code --zone}, {@code --ns}): the zone checked and the servers given; else null
     */
    record Plan(TraceRequest request, boolean check, boolean axfr, SavedRun.Dnssec dnssec, AnalysisOptions analysis,
            ZoneDelegation zone) {
        Plan(TraceRequest request, boolean check, boolean axfr, SavedRun.Dnssec dnssec, AnalysisOptions analysis) {
            this(request, check, axfr, dnssec, analysis, null);
        }
    }

    /**
     * How the result is shown: never changes what is asked.
     *
     * @param when when the run started, for the reports' header
     */
    record Output(boolean json, boolean verbose, boolean overview, Severity failOn, FindingFilter filter,
            ReportFiles reports, Instant when) {}

    /** The exit status and the trace (with the counters that were reported). */
    record Result(int status, Trace trace) {}

    /**
     * @param phases told which step of the run asks next (a recording or replaying transport keeps them apart)
     * @param stats the counters to report instead of this run's own (a replay reports the saved run's), or null
     */
    static Result run(Transport transport, Consumer<Phase> phases, Plan plan, Output output, TraceStats stats,
            PrintWriter out) throws IOException {
        TraceRequest request = plan.request();
        phases.accept(Phase.TRACE);
        // with -D the status of a line is known only after the whole trace: the tree is printed then
        TraceListener live = output.json() || plan.dnssec() != null ? TraceListener.NONE
                : new TreePrinter(out, output.verbose(), request.start(), request.tries());
        Tracer tracer = new Tracer(transport);
        if (plan.zone() != null) {
            // zone mode asks every server of the zone: first the child's NS set, silently, then the trace
            ZoneDelegation zone = plan.zone();
            tracer = tracer.forZone(ChildNameServers.learn(tracer.forZone(zone), request, zone));
        }
        Trace trace = tracer.run(request, live);
        if (stats != null) {
            trace = new Trace(trace.start(), trace.tries(), trace.port(), trace.sections(), trace.warnings(), stats);
        }
        // the trace is over, --check or not: what it did not wait for is kept as late, and never arrives on replay
        phases.accept(Phase.CHECK);
        ProbeResults probes = ProbeResults.NONE;
        if (plan.check() || plan.axfr()) {
            probes = new Checker(transport, request.port(), request.limits().maxQueries() - trace.stats().queries(),
                    plan.axfr(), plan.check(), request).withGivenDelegation(plan.zone() == null ? null : plan.zone().given())
                    .run(trace);
        }
        phases.accept(Phase.DNSSEC);
        DnssecReport report = null;
        if (plan.dnssec() != null) {
            report = ChainValidator.validate(trace, DnskeyFetcher.fetch(trace, transport, request, plan.dnssec().anchors()),
                    plan.dnssec().anchors(),
                    plan.dnssec().time());
        }
        List<Finding> findings = Findings.of(trace, probes, plan.analysis(), report);
        // --level and --ignore: what is hidden neither shows nor counts for --fail-on (the JSON keeps it, marked)
        List<Finding> shown = output.filter().shown(findings);
        render(trace, findings, report, probes, plan, output, out);
        out.flush();
        int status = output.failOn() != null && Findings.anyAtLeast(shown, output.failOn()) ? Cli.FINDINGS
                : answered(trace, plan.zone()) ? Cli.OK : Cli.NO_AUTHORITATIVE_ANSWER;
        if (output.reports().any()) {
            // after the normal output, which a report file that cannot be written does not hold back
            output.reports().write(trace, shown, report, output.when(), status);
        }
        return new Result(status, trace);
    }

    /**
     * The exit status rule: some server answered authoritatively. In zone mode only a server of the zone counts:
     * the parent's NXDOMAIN for a zone it does not delegate is no answer of the zone.
     */
    private static boolean answered(Trace trace, ZoneDelegation zone) {
        if (zone == null) {
            return trace.anyAuthoritative();
        }
        return trace.sections().stream().anyMatch(s -> answeredIn(s.root(), zone.zone()));
    }

    private static boolean answeredIn(org.dnstracer.model.TraceNode node, org.xbill.DNS.Name zone) {
        return node.status().isAuthoritative() && zone.equals(node.zone())
                || node.children().stream().anyMatch(c -> answeredIn(c, zone));
    }

    /** Every output option is made here, from the finished trace and what was judged of it, never from the network. */
    private static void render(Trace trace, List<Finding> findings, DnssecReport report, ProbeResults probes,
            Plan plan, Output output, PrintWriter out) {
        TraceRequest request = plan.request();
        if (output.json()) {
            JsonRenderer.render(trace, findings, report, output.filter(), ServerNsid.of(probes), out);
            return;
        }
        if (report != null) {
            // with -D the status of a line is known only after the whole trace: the tree comes now
            TreePrinter.render(trace, output.verbose(), out, node -> DnssecText.suffix(report, node));
            DnssecText.render(trace, report, out);
        }
        Trailer.render(trace, output.overview(), out);
        FindingsBlock.render(output.filter().shown(findings), out);
        if (output.verbose()) {
            NsidBlock.render(ServerNsid.of(probes), out);
        }
        if (probes.notSent() > 0) {
            out.println("Warning: " + probes.notSent() + " --check/--axfr probes not sent: the query "
                    + "budget of " + request.limits().maxQueries() + " was spent");
        }
        if (plan.zone() != null && !answered(trace, plan.zone())) {
            out.println("No server of " + org.dnstracer.model.Names.display(plan.zone().zone()) + " answered for it"
                    + (plan.zone().given() == null ? " (not delegated? --ns NAME/ADDRESS checks a zone before its "
                            + "delegation exists)" : ""));
        }
        out.println();
        out.println(FindingsSummary.line(findings, output.filter(), plan.check(), output.failOn()));
    }
}
