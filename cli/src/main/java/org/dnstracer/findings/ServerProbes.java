package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.Map;
import org.dnstracer.net.Exchange;

/**
 * What one server address said to the probes.
 *
 * @param server its name as the tree shows it
 * @param address the address probed
 * @param exchanges one per probe sent (absent when not sent: budget spent, or the probe does not apply)
 */
public record ServerProbes(String server, InetAddress address, Map<Probe, Exchange> exchanges) {
    public ServerProbes {
        exchanges = Map.copyOf(exchanges);
    }

    public Exchange get(Probe probe) {
        return exchanges.get(probe);
    }
}
