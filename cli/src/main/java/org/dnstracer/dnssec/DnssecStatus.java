package org.dnstracer.dnssec;

import java.util.Locale;

/** The DNSSEC states of RFC 4033 §5, for one server's data or for a zone. */
public enum DnssecStatus {
    /** A chain of signatures from a trust anchor down to this data. */
    SECURE,
    /** Proven to be outside every chain: no DS at the cut (with its proof), or only algorithms we cannot check. */
    INSECURE,
    /** Should be secure but is not: an expired, missing or false signature, a DS no key matches, no denial proof. */
    BOGUS,
    /** Could not be decided: no trust anchor covers it, or the DNSKEY could not be fetched. */
    INDETERMINATE;

    /** Lower case, as printed and in JSON. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
