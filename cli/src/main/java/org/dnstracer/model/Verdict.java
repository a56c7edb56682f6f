package org.dnstracer.model;

import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * The classification of one reply (or of its absence).
 *
 * @param status what happened
 * @param lameReason set when status is LAME
 * @param referralZone the zone referred to (REFERRAL, UPWARD_REFERRAL, an ANSWER that also delegates), or null
 * @param detail a short human explanation for LIMIT, NOT_QUERIED, NO_ADDRESS, SERVER_ERROR, MALFORMED, SEND_ERROR
 * @param viaResolver true when the start server gave no referral and the servers of {@code referralZone} were
 *     found by asking it recursively (SOA, NS and their addresses, RD=1)
 */
public record Verdict(Status status, LameReason lameReason, Name referralZone, String detail, boolean viaResolver) {
    public Verdict {
        Objects.requireNonNull(status, "status");
    }

    public Verdict(Status status, LameReason lameReason, Name referralZone, String detail) {
        this(status, lameReason, referralZone, detail, false);
    }

    /** This verdict, with the servers of {@code zone} found through the (resolver) server that gave it. */
    public Verdict foundThroughResolver(Name zone) {
        return new Verdict(status, lameReason, zone, detail, true);
    }

    public static Verdict of(Status status) {
        return new Verdict(status, null, null, null);
    }

    public static Verdict of(Status status, String detail) {
        return new Verdict(status, null, null, detail);
    }

    public static Verdict lame(LameReason reason) {
        return new Verdict(Status.LAME, reason, null, null);
    }

    public static Verdict referral(Status status, Name zone) {
        return new Verdict(status, null, zone, null);
    }

    /** True when the servers of {@link #referralZone()} are to be followed from here. */
    public boolean delegates() {
        return referralZone != null && (status == Status.REFERRAL || status == Status.ANSWER || viaResolver);
    }
}
