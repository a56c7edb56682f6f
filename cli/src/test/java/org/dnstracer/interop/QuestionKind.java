package org.dnstracer.interop;

/** What a signed zone's answer to a question is by construction: the case of RFC 4035 / 5155 / 6672 it exercises. */
enum QuestionKind {
    ANSWER,
    NODATA,
    NXDOMAIN,
    /** an answer synthesized from a wildcard (RFC 4035 5.3.4: needs the proof that the name itself does not exist) */
    WILDCARD,
    /** a name covered by a wildcard that lacks the type (RFC 4035 3.1.3.4) */
    WILDCARD_NODATA,
    /** an empty non-terminal (NODATA, RFC 5155 7.2.3 for NSEC3) */
    EMPTY_NON_TERMINAL,
    /** a CNAME whose target does not exist in the same zone (RFC 6604: the NXDOMAIN is about the target) */
    CNAME_TO_MISSING_INSIDE,
    /** a CNAME whose target does not exist in another signed zone */
    CNAME_TO_MISSING_ACROSS,
    /** a CNAME to an existing name */
    CNAME,
    /** a name below a DNAME (RFC 6672: the synthesized CNAME is unsigned by design) */
    DNAME,
    /** a name below an unsigned delegation (NSEC/NSEC3 proof of no DS, or NSEC3 opt-out) */
    UNSIGNED_DELEGATION,
    /** the forgery: the wildcard's data and RRSIG served at an explicit name, with no proof it does not exist */
    FORGED_WILDCARD,
    /** the forgery: a name below a delegation denied by the parent's NSEC at the delegation point (NS, no SOA) */
    FORGED_DELEGATION_NSEC,
    /** the forgery: a name below a DNAME denied by the NSEC of the DNAME's owner (DNAME bit set) */
    FORGED_DNAME_NSEC;

    boolean forged() {
        return this == FORGED_WILDCARD || this == FORGED_DELEGATION_NSEC || this == FORGED_DNAME_NSEC;
    }
}
