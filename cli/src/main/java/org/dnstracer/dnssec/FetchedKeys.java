package org.dnstracer.dnssec;

import java.util.Map;
import org.dnstracer.model.Trace;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.Name;

/**
 * What was asked after the trace for {@code -D}: the DNSKEY queries, one per (server address, zone) met, each with
 * its exchange; and for a start zone no trust anchor covers, the trace of its DS from the root hints down (the
 * chain above the start server, validated from the anchor as with {@code -s .}).
 *
 * @param exchanges by server and zone; an exchange without a reply means the query failed
 * @param above by start zone, the trace of that zone's DS from the root hints
 */
public record FetchedKeys(Map<ServerZone, Exchange> exchanges, Map<Name, Trace> above) {
    public static final FetchedKeys NONE = new FetchedKeys(Map.of());

    public FetchedKeys {
        exchanges = Map.copyOf(exchanges);
        above = Map.copyOf(above);
    }

    public FetchedKeys(Map<ServerZone, Exchange> exchanges) {
        this(exchanges, Map.of());
    }

    Exchange of(ServerZone key) {
        return exchanges.get(key);
    }

    /** Queries made after the trace: the DNSKEY fetches and the traces above the start zones. */
    int queries() {
        return exchanges.size() + above.values().stream().mapToInt(t -> t.stats().queries()).sum();
    }
}
