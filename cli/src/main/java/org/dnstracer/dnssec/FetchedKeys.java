package org.dnstracer.dnssec;

import java.util.Map;
import org.dnstracer.net.Exchange;

/**
 * The DNSKEY queries made after the trace: one per (server address, zone) the trace met, each with its exchange.
 *
 * @param exchanges by server and zone; an exchange without a reply means the query failed
 */
public record FetchedKeys(Map<ServerZone, Exchange> exchanges) {
    public static final FetchedKeys NONE = new FetchedKeys(Map.of());

    public FetchedKeys {
        exchanges = Map.copyOf(exchanges);
    }

    Exchange of(ServerZone key) {
        return exchanges.get(key);
    }
}
