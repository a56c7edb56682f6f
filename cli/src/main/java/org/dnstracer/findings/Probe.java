package org.dnstracer.findings;

/** The questions {@code --check} (and {@code --axfr}) ask each server of a zone cut, each at most once. */
public enum Probe {
    /** The child's own NS RRset, from each child server. */
    NS,
    /** The SOA over UDP with EDNS(0): serial and fields, and whether EDNS is understood. */
    SOA,
    /** The same SOA question over TCP. */
    SOA_TCP,
    /** The SOA with EDNS version 1, which must be answered BADVERS. */
    SOA_EDNS1,
    /** The SOA with EDNS(0) and an unknown option (code 100, as ISC's EDNS compliance test): ignored, not echoed. */
    SOA_EDNS_OPTION,
    /** The SOA with EDNS(0) and an unknown EDNS flag (0x0080, as ISC's test): ignored, not echoed. */
    SOA_EDNS_FLAG,
    /** The SOA question with an unassigned opcode (15): must be answered NOTIMP (RFC 1035 §4.1.1), not dropped. */
    UNKNOWN_OPCODE,
    /** An RD=1 query for a name outside every zone: RA=1 in the reply means recursion is offered. */
    RECURSION,
    /** A of an in-bailiwick name server, asked of that server itself. */
    ADDRESS_A,
    /** AAAA of an in-bailiwick name server, asked of that server itself. */
    ADDRESS_AAAA,
    /** TYPE65280 (private use) of an in-bailiwick name server, which has A records: NOERROR/NODATA, not NXDOMAIN. */
    UNKNOWN_TYPE,
    /** {@code version.bind} CH TXT: the software version, if the server discloses it (Zonemaster NAMESERVER15). */
    VERSION_BIND,
    /** The SOA with the zone's name in mixed case: the reply's question must keep it (0x20, Zonemaster NAMESERVER08). */
    QNAME_CASE,
    /** The SOA with EDNS(0) and DO=1: DO must come back in the reply's OPT (RFC 3225 §3, ISC's test "do"). */
    SOA_DO,
    /** The same SOA question over TCP without EDNS, sent only when {@link #SOA_TCP} got no reply: TCP or EDNS? */
    SOA_TCP_PLAIN,
    /**
     * DNSKEY of the zone with DO=1 and a 512-octet EDNS buffer (ISC's test "edns512"): a reply over 512 octets must
     * come with TC=1, not in full.
     */
    BUFFER_512,
    /** The same DNSKEY question over TCP, sent only when {@link #BUFFER_512} got TC=1: it must be answered. */
    BUFFER_512_TCP,
    /** The SOA with EDNS(0) and an empty NSID option (RFC 5001): the server's identifier, shown, never judged. */
    NSID,
    /** The zone's own MX RRset: each mail exchanger's name is looked up, an alias is a fault (RFC 2181 §10.3). */
    MX,
    /**
     * The zone's SOA without EDNS, to an address of the SOA MNAME (the primary) that is none of the zone's servers:
     * is it authoritative (Zonemaster ZONE01)? Plain DNS, so that an EDNS fault is not taken for a lame primary.
     */
    MNAME_SOA,
    /** The traced question without EDNS, to the parent: does its referral fit 512 octets? */
    REFERRAL_NO_EDNS,
    /** A zone transfer over TCP ({@code --axfr}). */
    AXFR
}
