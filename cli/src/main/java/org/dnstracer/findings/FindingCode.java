package org.dnstracer.findings;

/**
 * Every fault dnstracer names, with its default severity, what it means, and the peers' closest names for it:
 * the one table that the README's table of codes is checked against, and that the interop comparison with
 * zonemaster-cli and dnsviz maps their messages by (a Zonemaster column's message tags are the ones in
 * parentheses, alone; a DNSViz column's are its error codes, separated by " / ").
 */
public enum FindingCode {
    LAME_REFUSED(Severity.ERROR, "answered REFUSED for a zone it is delegated", Source.TRACE,
            "DELEGATION04 (IS_NOT_AUTHORITATIVE) / CONSISTENCY05 (CHILD_ZONE_LAME)",
            "INVALID_RCODE / SERVER_INVALID_RESPONSE_UDP / SERVER_INVALID_RESPONSE_TCP"),
    LAME_SERVFAIL(Severity.ERROR, "answered SERVFAIL for a zone it is delegated", Source.TRACE,
            "DELEGATION04 (IS_NOT_AUTHORITATIVE) / CONSISTENCY05 (CHILD_ZONE_LAME)",
            "INVALID_RCODE / SERVER_INVALID_RESPONSE_UDP / SERVER_INVALID_RESPONSE_TCP"),
    LAME_NOTAUTH(Severity.ERROR, "answered NOTAUTH for a zone it is delegated", Source.TRACE,
            "DELEGATION04 (IS_NOT_AUTHORITATIVE) / CONSISTENCY05 (CHILD_ZONE_LAME)",
            "INVALID_RCODE / SERVER_INVALID_RESPONSE_UDP / SERVER_INVALID_RESPONSE_TCP"),
    LAME_NOT_AUTHORITATIVE(Severity.ERROR, "replied without the AA bit for a zone it is delegated", Source.TRACE,
            "DELEGATION04 (IS_NOT_AUTHORITATIVE) / CONSISTENCY05 (CHILD_ZONE_LAME)",
            "SERVER_NOT_AUTHORITATIVE"),
    LAME_SAME_ZONE_REFERRAL(Severity.ERROR, "referred to the very zone it is delegated", Source.TRACE,
            "DELEGATION04 (IS_NOT_AUTHORITATIVE) / CONSISTENCY05 (CHILD_ZONE_LAME)",
            "SERVER_NOT_AUTHORITATIVE"),
    LAME_UNRELATED_REFERRAL(Severity.ERROR, "referred to a zone that does not contain the name", Source.TRACE,
            "DELEGATION04 (IS_NOT_AUTHORITATIVE) / CONSISTENCY05 (CHILD_ZONE_LAME)",
            "SERVER_NOT_AUTHORITATIVE"),
    UPWARD_REFERRAL(Severity.ERROR, "referred to the root or a zone above the one it is delegated", Source.TRACE,
            "NAMESERVER07 (UPWARD_REFERRAL) / CONSISTENCY05 (CHILD_ZONE_LAME)", "UPWARD_REFERRAL"),
    SERVER_ERROR(Severity.ERROR, "answered with an error code other than REFUSED, SERVFAIL or NOTAUTH (FORMERR, "
            + "NOTIMP, ...)", Source.TRACE, "-",
            "INVALID_RCODE / SERVER_INVALID_RESPONSE_UDP / SERVER_INVALID_RESPONSE_TCP"),
    UNRESPONSIVE_UDP(Severity.ERROR, "every try over UDP timed out", Source.TRACE,
            "CONNECTIVITY01 (CN01_NO_RESPONSE_UDP)", "SERVER_UNRESPONSIVE_UDP"),
    UNRESPONSIVE_TCP(Severity.ERROR, "no reply over TCP (timeout, refused or reset connection), also after a "
            + "truncated UDP reply (RFC 7766 §5: TCP is required)", Source.CHECK,
            "CONNECTIVITY02 (CN02_NO_RESPONSE_TCP)", "SERVER_UNRESPONSIVE_TCP"),
    UNREACHABLE(Severity.ERROR, "ICMP unreachable or connection refused: nothing listens at the address",
            Source.TRACE, "CONNECTIVITY01 (CN01_NO_RESPONSE_UDP)", "SERVER_UNRESPONSIVE_UDP"),
    MALFORMED_REPLY(Severity.ERROR, "only unparseable or mismatched replies came back", Source.TRACE,
            "-", "RESPONSE_ERROR / SERVER_INVALID_RESPONSE_UDP"),
    NS_NO_ADDRESS(Severity.ERROR, "a name server name with no glue and no address", Source.TRACE,
            "-", "NO_ADDRESS_FOR_NS_NAME"),
    NS_IS_CNAME(Severity.ERROR, "a name server name is an alias (CNAME), which RFC 2181 §10.3 forbids",
            Source.CHECK, "DELEGATION05 (NS_IS_CNAME)", "-"),
    NS_ONLY_AT_PARENT(Severity.ERROR, "a name server in the parent's delegation but not in the child's own NS set",
            Source.CHECK, "DELEGATION07 (EXTRA_NAME_PARENT)", "NS_NAME_NOT_IN_CHILD"),
    NS_ONLY_AT_CHILD(Severity.WARNING, "a name server in the child's NS set but not in the parent's delegation",
            Source.CHECK, "DELEGATION07 (EXTRA_NAME_CHILD)", "NS_NAME_NOT_IN_PARENT"),
    NS_CHILD_SERVERS_DISAGREE(Severity.WARNING, "the child's servers give different NS sets for the zone",
            Source.CHECK, "CONSISTENCY04 (MULTIPLE_NS_SET)", "-"),
    GLUE_MISMATCH(Severity.ERROR, "the parent's glue differs from the address the name's own zone serves (the "
            + "child for an in-bailiwick name; for sibling and out-of-bailiwick glue, the zone the name is in)",
            Source.CHECK, "CONSISTENCY05 (IN_BAILIWICK_ADDR_MISMATCH) / CONSISTENCY05 "
            + "(OUT_OF_BAILIWICK_ADDR_MISMATCH)", "GLUE_MISMATCH"),
    GLUE_MISSING(Severity.ERROR, "an in-bailiwick name server the parent gives no glue for", Source.TRACE,
            "CONSISTENCY05 (notice only)", "MISSING_GLUE_FOR_NS_NAME"),
    GLUE_PRIVATE_ADDRESS(Severity.WARNING, "a name server address in private, loopback or reserved space (silent "
            + "with --lab)", Source.TRACE, "ADDRESS01 (NAMESERVER_IP_PRIVATE_NETWORK)",
            "GLUE_PRIVATE_IP / NS_NAME_PRIVATE_IP"),
    SOA_SERIAL_MISMATCH(Severity.WARNING, "a server's SOA serial is older than another server's, and the zone's "
            + "servers also differ in data (answers, NXDOMAIN or NS set): a stale secondary", Source.CHECK,
            "CONSISTENCY01 (MULTIPLE_SOA_SERIALS)", "-"),
    SOA_SERIAL_ONLY_MISMATCH(Severity.NOTICE, "the zone's servers give different SOA serials but the same data as "
            + "far as compared: independent numbering (multi-provider) or a secondary one NOTIFY behind",
            Source.CHECK, "CONSISTENCY01 (MULTIPLE_SOA_SERIALS_OK)", "-"),
    SOA_FIELDS_MISMATCH(Severity.WARNING, "the SOA MNAME, RNAME or timers differ between the zone's servers",
            Source.CHECK, "CONSISTENCY02 / CONSISTENCY03 / CONSISTENCY06", "-"),
    ANSWER_MISMATCH(Severity.NOTICE, "authoritative servers of one zone gave different data (or NODATA) to the "
            + "same question: GeoDNS, CDN pools and weighted records do so by design", Source.TRACE, "-", "-"),
    NXDOMAIN_MISMATCH(Severity.WARNING, "some servers of one zone say the name does not exist (NXDOMAIN) where "
            + "others answer for it: resolvers cache the denial (RFC 2308)", Source.TRACE, "-", "-"),
    TTL_MISMATCH(Severity.NOTICE, "the same answer data with different TTLs from the zone's servers",
            Source.TRACE, "-", "-"),
    CNAME_DANGLING(Severity.NOTICE, "a CNAME whose target does not exist (NXDOMAIN): how subdomains are taken over "
            + "when the target's name can be registered or claimed", Source.TRACE, "-", "-"),
    CNAME_LOOP(Severity.ERROR, "a CNAME chain that comes back to a name already traced", Source.TRACE,
            "-", "-"),
    CNAME_CHAIN_TOO_LONG(Severity.WARNING, "a CNAME chain longer than the 8 names followed", Source.TRACE,
            "-", "-"),
    NS_SHARED_ADDRESS(Severity.WARNING, "several name server names of the zone on one address: fewer servers "
            + "than the NS set claims", Source.TRACE, "DELEGATION02 (DEL_NS_SAME_IP / CHILD_NS_SAME_IP)", "-"),
    NS_NAME_ILLEGAL(Severity.WARNING, "a name server name that is not a legal host name (letters, digits, inner "
            + "hyphens: RFC 952, RFC 1123 §2.1)", Source.CHECK, "SYNTAX04 (NAMESERVER_NON_ALLOWED_CHARS)", "-"),
    NS_TTL_DIFFERS(Severity.NOTICE, "the child's NS TTL is longer than the parent's: a change of delegation takes "
            + "that long to be seen (a shorter one is no finding: each side owns its copy)", Source.CHECK, "-", "-"),
    SOA_REFRESH_BELOW_RETRY(Severity.NOTICE, "SOA refresh below retry: a failed refresh is retried later than "
            + "the next regular one (RFC 1912 §2.2)", Source.CHECK, "ZONE03 (REFRESH_LOWER_THAN_RETRY)", "-"),
    SOA_EXPIRE_BELOW_REFRESH(Severity.WARNING, "SOA expire below refresh: secondaries may drop the zone between "
            + "two refreshes", Source.CHECK, "ZONE05 (EXPIRE_LOWER_THAN_REFRESH)", "-"),
    SOA_EXPIRE_TOO_SHORT(Severity.NOTICE, "SOA expire under a week (604800, Zonemaster's default profile): an "
            + "outage of the primary soon takes the secondaries down too", Source.CHECK,
            "ZONE05 (EXPIRE_MINIMUM_VALUE_LOWER)", "-"),
    SOA_NEGATIVE_TTL_TOO_LONG(Severity.NOTICE, "SOA minimum (negative-caching TTL) over a day (86400): RFC 2308 §5 "
            + "found such values problematic; resolvers cap it anyway", Source.CHECK,
            "ZONE06 (SOA_DEFAULT_TTL_MAXIMUM_VALUE_HIGHER)", "-"),
    SOA_RNAME_INVALID(Severity.WARNING, "SOA RNAME is not a mailbox (an '@', or a mail domain that is no host name; "
            + "RFC 1035 §8)", Source.CHECK, "SYNTAX05 (RNAME_MISUSED_AT_SIGN) / SYNTAX06 (RNAME_RFC822_INVALID)",
            "-"),
    SOA_MNAME_NOT_IN_NS(Severity.NOTICE, "SOA MNAME is none of the zone's name servers (often a hidden primary)",
            Source.CHECK, "ZONE01 (Z01_MNAME_NOT_IN_NS_LIST)", "-"),
    SOA_MNAME_UNRESOLVABLE(Severity.NOTICE, "SOA MNAME (the primary) has no address in its own zone (NXDOMAIN or "
            + "no A/AAAA): NOTIFY and dynamic updates (RFC 1996, RFC 2136) cannot find it", Source.CHECK,
            "ZONE01 (Z01_MNAME_NOT_RESOLVE) / ZONE07 (MNAME_HAS_NO_ADDRESS)", "-"),
    SOA_MNAME_NOT_AUTHORITATIVE(Severity.NOTICE, "SOA MNAME (the primary) does not answer the zone's SOA "
            + "authoritatively (no reply, an error, no AA, no SOA): often a firewalled hidden primary",
            Source.CHECK, "ZONE01 (Z01_MNAME_NOT_AUTHORITATIVE) / ZONE01 (Z01_MNAME_NO_RESPONSE) / ZONE01 "
            + "(Z01_MNAME_UNEXPECTED_RCODE) / ZONE01 (Z01_MNAME_MISSING_SOA_RECORD)", "-"),
    SOA_MNAME_SERIAL_BEHIND(Severity.NOTICE, "SOA MNAME (the primary, none of the zone's servers) serves an older "
            + "SOA serial than a server of the zone (RFC 1982): it cannot be where they got the zone from",
            Source.CHECK, "ZONE01 (Z01_MNAME_NOT_MASTER)", "-"),
    NS_NAME_UNRESOLVABLE(Severity.WARNING, "a name server name (in the child's NS set, or with sibling or "
            + "out-of-bailiwick glue) whose own zone gives it no address: resolvers that ask the zone lose that server",
            Source.CHECK, "-", "NO_ADDRESS_FOR_NS_NAME"),
    MX_IS_CNAME(Severity.NOTICE, "a mail exchanger of the zone's MX set is an alias (CNAME), which RFC 2181 §10.3 "
            + "forbids; mail servers mostly follow it (RFC 5321 §5.1)", Source.CHECK, "ZONE08 (MX_RECORD_IS_CNAME)",
            "-"),
    SINGLE_NAME_SERVER(Severity.WARNING, "the zone is delegated to one name server only", Source.TRACE,
            "DELEGATION01 (NOT_ENOUGH_NS_DEL)", "-"),
    SAME_PREFIX(Severity.NOTICE, "every address of the zone's servers is in one /24 (IPv4) or /48 (IPv6); in "
            + "--lab: on one address", Source.TRACE, "CONNECTIVITY03 (NAMESERVERS_IPV4_WITH_UNIQ_AS)", "-"),
    SLOW_SERVER(Severity.NOTICE, "round trip at least 250 ms and over 4 times the median of its siblings'",
            Source.TRACE, "-", "-"),
    RECURSION_AVAILABLE(Severity.WARNING, "an authoritative server that resolves for anyone: a non-AA NXDOMAIN (or "
            + "an answer with RA=1) for a name outside its zones; RA=1 with REFUSED is no finding", Source.CHECK,
            "NAMESERVER01 (IS_A_RECURSOR)", "-"),
    EDNS_NOT_SUPPORTED(Severity.WARNING, "an EDNS query got FORMERR or a reply without OPT", Source.CHECK,
            "NAMESERVER02 (NO_EDNS_SUPPORT)", "EDNS_IGNORED / ERROR_WITH_EDNS"),
    EDNS_BADVERS_MISSING(Severity.WARNING, "an EDNS version 1 query did not get BADVERS", Source.CHECK,
            "NAMESERVER10 (UNSUPPORTED_EDNS_VER)", "EDNS_VERSION_MISMATCH"),
    EDNS_UNKNOWN_OPTION_MISHANDLED(Severity.WARNING, "an EDNS query with an unknown option (code 100) got "
            + "FORMERR, no reply, no OPT, or the option echoed back", Source.CHECK,
            "NAMESERVER11", "-"),
    EDNS_UNKNOWN_FLAG_MISHANDLED(Severity.WARNING, "an EDNS query with an undefined flag (0x0080) got an error, no "
            + "reply, no OPT, or the flag echoed back", Source.CHECK, "NAMESERVER12",
            "-"),
    UNKNOWN_OPCODE_NOT_NOTIMP(Severity.NOTICE, "a query of an unassigned opcode (15) got no reply or another "
            + "RCODE than NOTIMP", Source.CHECK, "-", "-"),
    AAAA_QUERY_MISHANDLED(Severity.WARNING, "AAAA of a name with A records got NXDOMAIN, another error or no reply "
            + "instead of NOERROR", Source.CHECK, "NAMESERVER05", "-"),
    UNKNOWN_TYPE_MISHANDLED(Severity.WARNING, "an unknown type (TYPE65280) of a name with A records got NXDOMAIN, "
            + "another error or no reply instead of NOERROR", Source.CHECK, "-", "-"),
    SOFTWARE_VERSION_DISCLOSED(Severity.NOTICE, "the server gives its software version for version.bind CH TXT",
            Source.CHECK, "NAMESERVER15", "-"),
    QNAME_CASE_NOT_PRESERVED(Severity.WARNING, "the reply's question does not keep the letter case of the query's "
            + "(0x20)", Source.CHECK, "NAMESERVER08", "-"),
    EDNS_DO_MISHANDLED(Severity.WARNING, "an EDNS query with DO=1 got no reply, an error, or a reply without DO "
            + "(the DO bit dropped)", Source.CHECK, "-", "-"),
    DNSSEC_RECORDS_WITHOUT_DO(Severity.NOTICE, "RRSIG, NSEC or NSEC3 records in a reply to a query without DO",
            Source.CHECK, "-", "-"),
    EDNS_OVER_TCP_MISHANDLED(Severity.WARNING, "an EDNS query over TCP got FORMERR, a reply without OPT, or no "
            + "reply while the same query without EDNS was answered over TCP", Source.CHECK, "-", "-"),
    EDNS_SMALL_BUFFER_MISHANDLED(Severity.WARNING, "an EDNS query with a 512-octet buffer (DNSKEY, DO=1) got a "
            + "larger reply without TC=1, or no reply", Source.CHECK, "-", "-"),
    TRUNCATED_REPLY_WITHOUT_OPT(Severity.WARNING, "a truncated reply (TC=1) to a query with EDNS carries no OPT "
            + "record (RFC 6891 §7)", Source.CHECK, "NAMESERVER13 (MISSING_OPT_IN_TRUNCATED)", "-"),
    REFERRAL_TRUNCATED_WITHOUT_EDNS(Severity.WARNING, "the parent's referral does not fit 512 octets without EDNS",
            Source.CHECK, "DELEGATION03 (REFERRAL_SIZE_TOO_LARGE)", "-"),
    AXFR_ALLOWED(Severity.NOTICE, "the server transfers the whole zone (AXFR) to anyone (--axfr)", Source.AXFR,
            "NAMESERVER03 (AXFR_FAILURE, inverted)", "-"),
    DNSSEC_RRSIG_EXPIRED(Severity.ERROR, "a signature the server serves has expired (-D); a warning when the "
            + "chain above is undecided", Source.DNSSEC, "DNSSEC04 (RRSIG_EXPIRED)", "EXPIRATION_IN_PAST"),
    DNSSEC_RRSIG_NOT_YET_VALID(Severity.ERROR, "a signature the server serves is not valid yet (-D)", Source.DNSSEC,
            "DNSSEC04 (RRSIG_NOT_YET_VALID)", "INCEPTION_IN_FUTURE"),
    DNSSEC_SIGNATURE_INVALID(Severity.ERROR, "a signature does not verify with the zone's key (-D)", Source.DNSSEC,
            "DNSSEC08 / DNSSEC09 (RRSIG_NOT_VALID)", "SIGNATURE_INVALID"),
    DNSSEC_MISSING_RRSIG(Severity.ERROR, "data of a signed zone comes without a signature by its keys (-D)",
            Source.DNSSEC, "DNSSEC08 / DNSSEC09 (NOT_SIGNED)", "MISSING_RRSIG"),
    DNSSEC_DS_NO_MATCHING_DNSKEY(Severity.ERROR, "no DNSKEY of the child matches the parent's DS (-D)",
            Source.DNSSEC, "DNSSEC02 (DS_DOES_NOT_MATCH_DNSKEY)", "NO_SEP"),
    DNSSEC_NO_DNSKEY(Severity.ERROR, "the parent has a DS but the child's server serves no DNSKEY (-D)",
            Source.DNSSEC, "DNSSEC02 (NO_DNSKEY)", "MISSING_SEP_FOR_ALG"),
    DNSSEC_MISSING_DENIAL(Severity.ERROR, "a negative answer or an unsigned delegation without its NSEC/NSEC3 "
            + "proof (-D)", Source.DNSSEC, "DNSSEC10 (NSEC / NSEC3 missing)", "MISSING_NSEC_FOR_NODATA"),
    DNSSEC_UNSUPPORTED_ALGORITHM(Severity.WARNING, "signed with an algorithm the validator cannot check: insecure, "
            + "as RFC 4035 §5.2 says (-D)", Source.DNSSEC, "DNSSEC05 (ALGORITHM_NOT_RECOMMENDED)", "-"),
    DNSSEC_DNSKEY_UNAVAILABLE(Severity.WARNING, "the server did not answer the DNSKEY question, or only without EDNS "
            + "(no DO bit, so no signatures) (-D)",
            Source.DNSSEC, "DNSSEC02 (NO_RESPONSE_DNSKEY)", "-"),
    DNSSEC_SIGNER_BELOW_ZONE(Severity.WARNING, "data signed by a zone below the one the server was delegated "
            + "(it serves both): that chain was not traced (-D)", Source.DNSSEC, "-", "-"),
    DNSSEC_NO_TRUST_ANCHOR(Severity.WARNING, "no trust anchor covers the chain, so nothing can be validated (-D)",
            Source.DNSSEC, "-", "-"),
    DNSSEC_INCOMPLETE_REPLY(Severity.WARNING, "the reply could not carry signatures or proofs (it came only to a "
            + "query without EDNS, so without DO, or truncated): not judged (-D)", Source.DNSSEC, "-", "-"),
    DNSSEC_NSEC3_ITERATIONS(Severity.WARNING, "NSEC3 with more than 150 iterations: validators do not compute "
            + "it and treat the data as insecure (RFC 9276) (-D)", Source.DNSSEC, "-", "-"),
    DNSSEC_VALIDATION_LIMIT(Severity.ERROR, "more than 8 signature checks of one RRset failed (key tag "
            + "collisions, KeyTrap CVE-2023-50387): given up as bogus (-D)", Source.DNSSEC, "-", "-"),
    DNSSEC_VALIDATION_BUDGET(Severity.WARNING, "the trace's 4,096 signature checks were used up: the rest is "
            + "indeterminate (-D)", Source.DNSSEC, "-", "-"),
    DNSSEC_ALGORITHM_PROHIBITED(Severity.ERROR, "a DS or DNSKEY with RSAMD5, DSA, DSA-NSEC3-SHA1 or ECC-GOST, which "
            + "RFC 8624 forbids to sign with and validators ignore: no protection (-D)", Source.DNSSEC,
            "DNSSEC05 (ALGORITHM_DEPRECATED)", "-"),
    DNSSEC_ALGORITHM_DEPRECATED(Severity.WARNING, "a DS or DNSKEY with RSASHA1 or RSASHA1-NSEC3-SHA1, which RFC 9905 "
            + "forbids to sign with; some validators already call it insecure (-D)", Source.DNSSEC,
            "DNSSEC05 (ALGORITHM_NOT_RECOMMENDED)", "-"),
    DNSSEC_DS_DIGEST_DEPRECATED(Severity.WARNING, "a DS with digest type SHA-1 or GOST, which RFC 8624 forbids to "
            + "publish (-D)", Source.DNSSEC, "-", "-"),
    DNSSEC_DS_KEY_NOT_SIGNING(Severity.NOTICE, "a DS whose key does not sign the DNSKEY RRset (normal for a "
            + "double-DS rollover or a standby key; a warning when the key signs and its signature fails); the zone "
            + "validates only through another DS (-D)", Source.DNSSEC, "-", "-"),
    DNSSEC_NSEC3_ITERATIONS_NONZERO(Severity.WARNING, "NSEC3 with 1 to 150 extra iterations: RFC 9276 says 0, "
            + "validators may treat more as insecure (-D)", Source.DNSSEC, "DNSSEC03 (DS03_ILLEGAL_ITERATION_VALUE)",
            "-"),
    DNSSEC_NSEC3_SALT(Severity.NOTICE, "NSEC3 with a salt, which RFC 9276 says not to use (-D)", Source.DNSSEC,
            "DNSSEC03 (DS03_ILLEGAL_SALT_LENGTH)", "-"),
    DNSSEC_CDS_NO_MATCHING_DNSKEY(Severity.WARNING, "a CDS or CDNSKEY that matches no DNSKEY of the zone: a parent "
            + "acting on it (RFC 7344, 8078) would break the chain (-D)", Source.DNSSEC,
            "DNSSEC16 (DS16_CDS_MATCHES_NO_DNSKEY) / DNSSEC17 (DS17_CDNSKEY_MATCHES_NO_DNSKEY)", "-"),
    DNSSEC_RRSIG_EXPIRES_SOON(Severity.WARNING, "a signature expires within 12 hours: the signer seems to have "
            + "stopped re-signing (-D)", Source.DNSSEC, "DNSSEC04 (REMAINING_SHORT)", "-"),
    DNSSEC_DNSKEY_REPLY_LARGE(Severity.NOTICE, "the DNSKEY reply is over 1232 octets (DNS Flag Day 2020): "
            + "truncated over UDP, needs TCP (-D)", Source.DNSSEC, "-", "-");

    /** What produces a finding: the trace alone, {@code --check} probes or {@code --axfr}. */
    public enum Source {
        TRACE("trace"),
        CHECK("--check"),
        AXFR("--axfr"),
        DNSSEC("-D");

        private final String text;

        Source(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Severity severity;
    private final String meaning;
    private final Source source;
    private final String zonemaster;
    private final String dnsviz;

    FindingCode(Severity severity, String meaning, Source source, String zonemaster, String dnsviz) {
        this.severity = severity;
        this.meaning = meaning;
        this.source = source;
        this.zonemaster = zonemaster;
        this.dnsviz = dnsviz;
    }

    public Severity severity() {
        return severity;
    }

    public String meaning() {
        return meaning;
    }

    public Source source() {
        return source;
    }

    /** The Zonemaster test case (and message tag) that names the same fault, or "-". */
    public String zonemaster() {
        return zonemaster;
    }

    /** The DNSViz error code that names the same fault, or "-". */
    public String dnsviz() {
        return dnsviz;
    }

    /** This code as a row of the README's table. */
    public String readmeRow() {
        return "| `" + name() + "` | " + severity.label() + " | " + source.text() + " | " + meaning + " | "
                + zonemaster + " | " + dnsviz + " |";
    }
}
