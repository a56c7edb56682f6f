package org.dnstracer.trace;

import java.util.Objects;
import org.dnstracer.net.Exchange;

/**
 * A referral shared state learned from a server: the delegation, and the exchange that gave it (asked for another
 * name below the same zone cut), or null when it was remembered without one. A trace that reuses it shows that
 * exchange at its place, so that what is said about the referral and its server (glue, lameness, DNSSEC) is the
 * same as if this trace had asked.
 */
public record LearnedReferral(Delegation delegation, Exchange exchange) {
    public LearnedReferral {
        Objects.requireNonNull(delegation, "delegation");
    }
}
