package org.dnstracer.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The child's NS set of a zone, as zone mode learns it before its trace: the zone's NS records as each server
 * delegated the zone answers them authoritatively. The parent's referral lists only the names the parent holds;
 * a name only the child lists is a server of the zone too, and zone mode asks it.
 */
public final class ChildNameServers {
    private ChildNameServers() {}

    /**
     * Traces {@code zone NS} silently with {@code tracer} (zone mode's delegation as given, child set not yet
     * known) and returns the union of the NS sets the zone's servers answered, in the order first met.
     */
    public static List<Name> learn(Tracer tracer, TraceRequest request, Name zone) {
        TraceRequest nsRequest = new TraceRequest(new Question(zone, Type.NS), request.start(), request.port(),
                request.family(), request.cache(), request.negativeCache(), false, request.limits(),
                request.rootHints(), request.tries());
        return of(tracer.run(nsRequest, TraceListener.NONE), zone);
    }

    /** The union of the NS sets that servers of {@code zone} gave authoritatively in {@code trace}. */
    static List<Name> of(Trace trace, Name zone) {
        List<Name> names = new ArrayList<>();
        for (Section section : trace.sections()) {
            Deque<TraceNode> todo = new ArrayDeque<>(List.of(section.root()));
            while (!todo.isEmpty()) {
                TraceNode node = todo.removeFirst();
                todo.addAll(node.children());
                if (node.status() != Status.AUTHORITATIVE_ANSWER || !zone.equals(node.zone())
                        || node.exchange() == null || !node.exchange().answered()) {
                    continue;
                }
                for (Record r : node.exchange().reply().getSection(org.xbill.DNS.Section.ANSWER)) {
                    if (r instanceof NSRecord ns && r.getName().equals(zone) && !names.contains(ns.getTarget())) {
                        names.add(ns.getTarget());
                    }
                }
            }
        }
        return names;
    }
}
