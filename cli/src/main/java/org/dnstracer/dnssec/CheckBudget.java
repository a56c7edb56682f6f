package org.dnstracer.dnssec;

/**
 * The signature checks one validation (one trace) may still make. The per-RRset bound
 * ({@link Signatures#MAX_CHECKS_PER_RRSET}) stops a key-tag collision on one RRset; this one stops a trace
 * whose many replies each carry many such RRsets from adding up. Not thread-safe: one per validation.
 */
final class CheckBudget {
    /**
     * Checks per validation: 4,096, far above a healthy trace's needs (a few checks per server line: the DNSKEY
     * RRset, the DS or its proof, the answer or the denial) and about a second of ECDSA verifications.
     */
    static final int PER_VALIDATION = 4096;

    private final int limit;
    private int used;

    CheckBudget(int limit) {
        this.limit = limit;
    }

    /** Takes one check; false when none is left (the check must not be made). */
    boolean take() {
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }

    int limit() {
        return limit;
    }
}
