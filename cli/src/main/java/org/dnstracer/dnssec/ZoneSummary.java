package org.dnstracer.dnssec;

import java.util.List;
import org.dnstracer.model.Names;
import org.xbill.DNS.Name;

/**
 * One zone of a chain, over every server of it the trace met.
 *
 * @param zone the zone
 * @param status bogus when any server's data is bogus, else indeterminate when any is, else insecure when any is,
 *     else secure
 * @param reason the first reason met for that status (with how many servers share it when not all do), or null
 * @param keys the keys its DS or trust anchor led to, in the order met
 * @param servers how many server lines of the zone were checked
 */
public record ZoneSummary(Name zone, DnssecStatus status, String reason, List<KeyInfo> keys, int servers) {
    public ZoneSummary {
        keys = List.copyOf(keys);
    }

    /** {@code example.com (12345 ECDSAP256SHA256) bogus: ...} */
    public String text() {
        StringBuilder out = new StringBuilder(Names.display(zone));
        if (!keys.isEmpty()) {
            out.append(" (");
            for (int i = 0; i < keys.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(keys.get(i));
            }
            out.append(')');
        }
        out.append(' ').append(status.word());
        if (reason != null) {
            out.append(": ").append(reason);
        }
        return out.toString();
    }
}
