package org.dnstracer.dnssec;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.dnstracer.trace.RootHints;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The step after a trace with {@code -D}: asks every server that answered for a zone for that zone's DNSKEY RRset,
 * each (address, zone) once, all at the same time. The transport bounds how many are in flight and every exchange
 * ends by its own timeouts; the number of queries is bounded by the trace's nodes (themselves bounded by
 * {@code --max-queries}).
 */
public final class DnskeyFetcher {
    private DnskeyFetcher() {}

    public static FetchedKeys fetch(Trace trace, Transport transport) {
        return fetch(trace, transport, null, null);
    }

    /**
     * As {@link #fetch(Trace, Transport)}, and when the trace started at a server of a zone no anchor covers (a
     * resolver, or {@code -s} naming a server below the root), first traces that zone's DS from the root hints
     * (non-recursively, with the request's limits) so the zones above it are validated from the anchor; the DNSKEY
     * sets of the servers on those traces are fetched too. Null request or anchors: no trace above.
     */
    public static FetchedKeys fetch(Trace trace, Transport transport, TraceRequest request, TrustAnchors anchors) {
        Map<Name, Trace> above = new LinkedHashMap<>();
        if (request != null && anchors != null) {
            Set<Name> orphans = new LinkedHashSet<>();
            for (Section s : trace.sections()) {
                topZones(s.root(), orphans);
            }
            for (Name zone : orphans) {
                // only where an anchor lies above the zone: a trace from the root would find nothing to start from
                boolean anchoredAbove = anchors.all().keySet().stream()
                        .anyMatch(a -> zone.subdomain(a) && !zone.equals(a));
                if (anchoredAbove && anchors.forZone(zone).isEmpty()) {
                    above.put(zone, new Tracer(transport).run(dsRequest(zone, request), TraceListener.NONE));
                }
            }
        }
        Set<ServerZone> wanted = new LinkedHashSet<>();
        for (Section s : trace.sections()) {
            collect(s.root(), wanted);
        }
        for (Trace t : above.values()) {
            for (Section s : t.sections()) {
                collect(s.root(), wanted);
            }
        }
        Map<ServerZone, CompletableFuture<Exchange>> pending = new LinkedHashMap<>();
        for (ServerZone sz : wanted) {
            pending.put(sz, transport.exchange(new ServerAddress(sz.address(), trace.port()), sz.zone(), Type.DNSKEY));
        }
        Map<ServerZone, Exchange> done = new LinkedHashMap<>();
        pending.forEach((sz, future) -> {
            try {
                done.put(sz, future.join());
            } catch (RuntimeException e) {
                // left out: the validator calls the zone indeterminate at this server
            }
        });
        return new FetchedKeys(done, above);
    }

    /** The zone's DS asked from the root hints' preferred server, as {@code -s .} would. */
    private static TraceRequest dsRequest(Name zone, TraceRequest request) {
        RootHints.Server root = request.rootHints().preferredStart();
        InetAddress address = root.addresses().stream().filter(request.family()::allows).findFirst()
                .orElse(root.addresses().get(0));
        StartServer start = new StartServer(root.name().toString(true), address, Name.root);
        return new TraceRequest(new Question(zone, Type.DS), start, request.port(), request.family(), request.cache(),
                request.negativeCache(), false, request.limits(), request.rootHints(), request.tries());
    }

    /** The zones of the first checked lines of each path: those no parent line hands a DS down to. */
    private static void topZones(TraceNode node, Set<Name> zones) {
        if (ChainValidator.checkable(node)) {
            zones.add(ChainValidator.zoneOf(node));
            return;
        }
        node.children().forEach(c -> topZones(c, zones));
    }

    private static void collect(TraceNode node, Set<ServerZone> wanted) {
        if (ChainValidator.checkable(node)) {
            wanted.add(new ServerZone(node.address(), ChainValidator.zoneOf(node)));
        }
        node.children().forEach(c -> collect(c, wanted));
    }
}
