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
    DNSSEC_VALIDATION_BUDGET,
    // policy: what validates today but RFCs or common practice advise against ({@link Policy}); no verdict changes
    /** A DNSKEY or DS algorithm RFC 8624 forbids to sign with and validators to validate (RSAMD5, DSA, GOST...). */
    DNSSEC_ALGORITHM_PROHIBITED,
    /** RSASHA1 or RSASHA1-NSEC3-SHA1: RFC 9905 forbids signing with them, some validators no longer accept them. */
    DNSSEC_ALGORITHM_DEPRECATED,
    /** A DS with digest type SHA-1 or GOST, which RFC 8624 §3.3 forbids to publish. */
    DNSSEC_DS_DIGEST_DEPRECATED,
    /** A DS whose key does not sign the zone's DNSKEY RRset (the zone validates through another DS). */
    DNSSEC_DS_KEY_NOT_SIGNING,
    /** NSEC3 with extra iterations (RFC 9276 §3.1: 0). */
    DNSSEC_NSEC3_ITERATIONS_NONZERO,
    /** NSEC3 with a salt (RFC 9276 §3.1: none). */
    DNSSEC_NSEC3_SALT,
    /** A CDS or CDNSKEY that matches no DNSKEY of the zone (RFC 7344 §4.1, RFC 8078). */
    DNSSEC_CDS_NO_MATCHING_DNSKEY,
    /** A signature that validates now but expires within {@link Policy#EXPIRY_WARNING}. */
    DNSSEC_RRSIG_EXPIRES_SOON,
    /** A DNSKEY reply larger than 1232 octets (DNS Flag Day 2020): fragments over UDP or needs TCP. */
    DNSSEC_DNSKEY_REPLY_LARGE
}
