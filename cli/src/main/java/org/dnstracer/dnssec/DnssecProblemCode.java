package org.dnstracer.dnssec;

/** What exactly is wrong; the names are meant to become finding codes as they are. */
public enum DnssecProblemCode {
    DNSSEC_RRSIG_EXPIRED,
    DNSSEC_RRSIG_NOT_YET_VALID,
    DNSSEC_SIGNATURE_INVALID,
    DNSSEC_MISSING_RRSIG,
    DNSSEC_DS_NO_MATCHING_DNSKEY,
    DNSSEC_NO_DNSKEY,
    DNSSEC_MISSING_DENIAL,
    DNSSEC_UNSUPPORTED_ALGORITHM,
    DNSSEC_DNSKEY_UNAVAILABLE,
    /** Data signed by a zone below the one the server was delegated (it serves both): that chain was not traced. */
    DNSSEC_SIGNER_BELOW_ZONE,
    DNSSEC_NO_TRUST_ANCHOR,
    /**
     * The reply could not carry signatures or proofs: it came to a query without DO (the EDNS fallback), or it was
     * truncated (TC=1, TCP gave no more). Not judged.
     */
    DNSSEC_INCOMPLETE_REPLY,
    /** NSEC3 with more iterations than validators compute (RFC 9276): the data is insecure. */
    DNSSEC_NSEC3_ITERATIONS,
    /** More signature checks than allowed per RRset failed (key tag collisions, KeyTrap): given up as bogus. */
    DNSSEC_VALIDATION_LIMIT,
    /** The trace's signature checks were used up ({@link CheckBudget}): the rest is undecided. */
    DNSSEC_VALIDATION_BUDGET
}
