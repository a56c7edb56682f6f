package org.dnstracer.dnssec;

import java.util.List;
import org.xbill.DNS.Name;

/**
 * The DNSSEC verdict on what one server sent.
 *
 * @param zone the zone checked (the zone the server was delegated)
 * @param status the verdict
 * @param reason why, for every status but secure (null then)
 * @param keys the zone keys a DS (or trust anchor) led to, as checked at this server; empty unless it got that far
 */
public record NodeDnssec(Name zone, DnssecStatus status, String reason, List<KeyInfo> keys) {
    public NodeDnssec {
        keys = List.copyOf(keys);
    }

    /** {@code secure}, or {@code bogus: RRSIG ... expired 2026-11-01}. */
    public String text() {
        return reason == null ? status.word() : status.word() + ": " + reason;
    }
}
