package org.dnstracer.dnssec;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dnstracer.model.Section;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
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
        Set<ServerZone> wanted = new LinkedHashSet<>();
        for (Section s : trace.sections()) {
            collect(s.root(), wanted);
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
        return new FetchedKeys(done);
    }

    private static void collect(TraceNode node, Set<ServerZone> wanted) {
        if (ChainValidator.checkable(node)) {
            wanted.add(new ServerZone(node.address(), ChainValidator.zoneOf(node)));
        }
        node.children().forEach(c -> collect(c, wanted));
    }
}
