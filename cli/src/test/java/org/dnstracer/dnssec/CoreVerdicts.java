package org.dnstracer.dnssec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnstracer.model.Names;
import org.dnstracer.model.Section;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.replay.Phase;
import org.dnstracer.replay.ReplayTransport;
import org.dnstracer.replay.SavedRun;
import org.dnstracer.replay.SavedRunFile;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.Tracer;
import org.xbill.DNS.Name;

/**
 * dnsjava's validator ({@link CoreValidator}) for tests outside this package: beside ours on a trace, line by line;
 * and, for the interop tests, on a run saved with {@code -D --save}, replayed exactly as {@code --replay} does,
 * summed up for a whole answer in delv's words (the worst status of every checked server line), followed by one
 * line per server line.
 */
public final class CoreVerdicts {
    private static final List<DnssecStatus> WORST_FIRST = List.of(DnssecStatus.BOGUS, DnssecStatus.INDETERMINATE,
            DnssecStatus.INSECURE, DnssecStatus.SECURE);

    private CoreVerdicts() {}

    /**
     * One checked server line judged by both validators.
     *
     * @param server the line's server and address
     * @param zone the zone it was checked in
     * @param ours our validator's verdict
     * @param core dnsjava's status
     * @param coreReason dnsjava's reason, or null
     * @param unrecorded questions dnsjava asked that the trace holds no reply to
     */
    public record Line(String server, Name zone, NodeDnssec ours, DnssecStatus core, String coreReason,
            List<String> unrecorded) {}

    /** Every checked line of the trace with our verdict and dnsjava's, in the order of the tree. */
    public static List<Line> compare(Trace trace, FetchedKeys keys, TrustAnchors anchors, Instant at) {
        DnssecReport ours = ChainValidator.validate(trace, keys, anchors, at);
        Map<TraceNode, CoreValidator.Verdict> core = CoreValidator.validate(trace, keys, anchors, at);
        List<Line> lines = new ArrayList<>();
        for (Section section : trace.sections()) {
            collect(section.root(), ours, core, lines);
        }
        return lines;
    }

    private static void collect(TraceNode node, DnssecReport ours, Map<TraceNode, CoreValidator.Verdict> core,
            List<Line> lines) {
        if (ChainValidator.checkable(node)) {
            CoreValidator.Verdict v = core.get(node);
            lines.add(new Line(node.server() + " (" + node.address().getHostAddress() + ")",
                    ChainValidator.zoneOf(node), ours.of(node), v.status(), v.reason(), v.unrecorded()));
        }
        node.children().forEach(c -> collect(c, ours, core, lines));
    }

    /** dnsjava's verdict on the answer of a run saved with {@code -D}, then one line per checked server line. */
    public static String of(Path saved) throws Exception {
        SavedRun run = SavedRunFile.read(saved);
        if (run.dnssec() == null) {
            throw new IllegalArgumentException(saved + " was saved without -D");
        }
        try (ReplayTransport transport = new ReplayTransport(run.exchanges(), run.timeLimitReached())) {
            transport.phase(Phase.TRACE);
            Trace trace = new Tracer(transport).run(run.request(), TraceListener.NONE);
            transport.phase(Phase.DNSSEC);
            FetchedKeys keys = DnskeyFetcher.fetch(trace, transport, run.request(), run.dnssec().anchors());
            Map<TraceNode, CoreValidator.Verdict> verdicts = CoreValidator.validate(trace, keys,
                    run.dnssec().anchors(), run.dnssec().time());
            int worst = WORST_FIRST.size() - 1;
            List<String> lines = new ArrayList<>();
            for (Map.Entry<TraceNode, CoreValidator.Verdict> e : verdicts.entrySet()) {
                CoreValidator.Verdict v = e.getValue();
                worst = Math.min(worst, WORST_FIRST.indexOf(v.status()));
                lines.add(e.getKey().server() + " (" + Names.display(ChainValidator.zoneOf(e.getKey())) + "): "
                        + v.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (v.reason() == null ? "" : ": " + v.reason())
                        + (v.unrecorded().isEmpty() ? "" : " [unrecorded: " + v.unrecorded() + "]"));
            }
            String answer = verdicts.isEmpty() ? "no chain"
                    : WORST_FIRST.get(worst).name().toLowerCase(java.util.Locale.ROOT);
            return answer + "\n" + String.join("\n", lines);
        }
    }
}
