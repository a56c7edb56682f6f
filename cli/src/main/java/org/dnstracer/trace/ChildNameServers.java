package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
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
     * Traces {@code zone NS} silently with {@code tracer} (zone mode's delegation as given, the child's NS set not
     * yet known), then the addresses of the names inside the zone that neither the parent nor {@code --ns} gave
     * one for, from the zone's own servers: the union of what the zone's servers answered, in the order first met.
     */
    public static ZoneDelegation learn(Tracer tracer, TraceRequest request, ZoneDelegation zone) {
        Name apex = zone.zone();
        List<Name> names = of(tracer.run(ask(request, apex, Type.NS), TraceListener.NONE), apex, Type.NS).stream()
                .map(r -> ((NSRecord) r).getTarget()).distinct().toList();
        Map<Name, List<InetAddress>> addresses = new LinkedHashMap<>();
        int asked = 0;
        for (Name ns : names) {
            boolean given = zone.given() != null && !zone.given().glueFor(ns).isEmpty();
            if (!ns.subdomain(apex) || given || asked++ >= request.limits().maxNameServers()) {
                continue; // outside the zone the trace looks it up as any glueless name
            }
            for (int type : new int[] {Type.A, Type.AAAA}) {
                for (Record r : of(tracer.run(ask(request, ns, type), TraceListener.NONE), apex, type)) {
                    InetAddress a = r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) r).getAddress();
                    List<InetAddress> known = addresses.computeIfAbsent(ns, n -> new ArrayList<>());
                    if (r.getName().equals(ns) && !known.contains(a)) {
                        known.add(a);
                    }
                }
            }
        }
        addresses.values().removeIf(List::isEmpty);
        return zone.withChildNameServers(names, addresses);
    }

    private static TraceRequest ask(TraceRequest request, Name name, int type) {
        return new TraceRequest(new Question(name, type), request.start(), request.port(), request.family(),
                request.cache(), request.negativeCache(), false, request.limits(), request.rootHints(),
                request.tries());
    }

    /** The records of {@code type} that servers of {@code zone} gave authoritatively in {@code trace}. */
    static List<Record> of(Trace trace, Name zone, int type) {
        List<Record> found = new ArrayList<>();
        for (Section section : trace.sections()) {
            Deque<TraceNode> todo = new ArrayDeque<>(List.of(section.root()));
            while (!todo.isEmpty()) {
                TraceNode node = todo.removeFirst();
                todo.addAll(node.children());
                // believed only from a server of the zone, asked about the zone
                if (node.status() != Status.AUTHORITATIVE_ANSWER || !zone.equals(node.zone())
                        || node.exchange() == null || !node.exchange().answered()) {
                    continue;
                }
                for (Record r : node.exchange().reply().getSection(org.xbill.DNS.Section.ANSWER)) {
                    if (r.getType() == type && r.getName().equals(section.question().name())
                            && (type != Type.NS || r instanceof NSRecord)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }
}
