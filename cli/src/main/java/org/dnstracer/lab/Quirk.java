package org.dnstracer.lab;

/**
 * A hostile or broken habit of a lab server (or a merely unusual one: recursion offered, no EDNS), for rehearsing a trace against servers that try to hang, flood or
 * fool the client. Each combines with any {@link Behaviour.Mode} and with the other quirks; the word is the
 * lab-file keyword.
 */
public enum Quirk {
    /** Each UDP reply is preceded by a datagram with the query's ID that does not parse as a DNS message. */
    GARBAGE("garbage"),
    /**
     * Each UDP reply is sent from another address (127.0.0.1, or 127.0.0.2 for a server on 127.0.0.1; for IPv6 the
     * server's own address, another port), as a multi-homed server answering from the wrong interface. A client with
     * a connected socket never sees it.
     */
    WRONG_SOURCE("wrong-source"),
    /** Each UDP reply is preceded by a copy whose question is another name. */
    WRONG_QUESTION("wrong-question"),
    /** Every reply (UDP and TCP) is replaced by one whose answer's owner name is a compression pointer to itself. */
    COMPRESSION_LOOP("compression-loop"),
    /** Queries carrying an OPT record are read and dropped unanswered (UDP and TCP), as some middleboxes do. */
    DROP_EDNS("drop-edns"),
    /** Every reply, UDP and TCP, is truncated to header and question with TC=1: TCP never completes the answer. */
    TC_OVER_TCP("tc-over-tcp"),
    /** TCP replies are written one octet every 100 ms. */
    TCP_SLOW_DRIP("tcp-slow-drip"),
    /** TCP replies carry a length prefix of 65535, then the real (shorter) message, then nothing more. */
    TCP_LYING_LENGTH("tcp-lying-length"),
    /**
     * RA=1 on every reply; an RD=1 query for a name outside its zones gets a resolver's reply (NXDOMAIN without AA:
     * the lab has nothing to recurse to), as an authoritative server that also resolves for anyone does.
     */
    RECURSION_AVAILABLE("recursion-available"),
    /** FORMERR without an OPT record to every query that has one, as servers that predate EDNS answer. */
    NO_EDNS("no-edns"),
    /** A query of EDNS version 1 or more is answered as if it were version 0, where RFC 6891 §6.1.3 wants BADVERS. */
    NO_BADVERS("no-badvers"),
    /**
     * RA=1 on every reply, but a name outside its zones still gets REFUSED: recursion advertised, not given, as
     * servers whose recursion is restricted to some clients answer the others. Healthy: nothing resolves.
     */
    RA_WITHOUT_RECURSION("ra-without-recursion"),
    /**
     * The reply's OPT record copies the query's: its options (an unknown one included) and its flags (an undefined
     * one included), as some load balancers and firewalls that rewrite EDNS do. Fails ISC's "ednsopt" and "ednsflags".
     */
    ECHO_EDNS("echo-edns"),
    /** Queries of any opcode but QUERY are read and dropped unanswered (UDP and TCP), as some firewalls do. */
    DROP_UNKNOWN_OPCODE("drop-unknown-opcode"),
    /**
     * A query of AAAA or of a type without a mnemonic (TYPE65280) that would get NOERROR without data gets NXDOMAIN
     * instead, as some load balancers answering for a name do (RFC 4074 §4.2).
     */
    NXDOMAIN_FOR_OTHER_TYPES("nxdomain-for-other-types"),
    /** {@code version.bind} CH TXT is answered with a software version, as BIND does by default (others: REFUSED). */
    DISCLOSES_VERSION("discloses-version"),
    /** The reply's question is the query's in lower case, as servers that do not keep the case (0x20) send it. */
    LOWERCASE_QUESTION("lowercase-question"),
    /** The reply's OPT record never carries DO, even when the query's did (RFC 3225 §3 wants it copied). */
    CLEAR_DO("clear-do"),
    /**
     * The RRSIG records a zone file holds go with every answer, DO or not, as servers that predate RFC 3225 send
     * them (RFC 3225 §3 keeps them for queries with DO=1).
     */
    RRSIG_WITHOUT_DO("rrsig-without-do"),
    /** A TCP query with an OPT record gets FORMERR without OPT; over UDP EDNS works (a middlebox on the TCP port). */
    NO_EDNS_OVER_TCP("no-edns-over-tcp"),
    /** UDP replies are sent whole whatever the query's EDNS buffer size (up to 65,507 octets), never with TC=1. */
    IGNORE_BUFFER_SIZE("ignore-buffer-size"),
    /**
     * A truncated UDP reply (TC=1: over the client's buffer, or forced by {@code truncate}) goes without its OPT
     * record, as some load balancers rebuild it; RFC 6891 §7 wants the OPT kept (Zonemaster NAMESERVER13).
     */
    TRUNCATE_WITHOUT_OPT("truncate-without-opt"),
    /**
     * A query with the NSID option (RFC 5001) gets the server's identifier back: its name and the address the query
     * came to ("ns1.anycast.tricky.org/127.53.61.41"), so each address of an anycast-style server is told apart.
     * Healthy.
     */
    NSID("nsid");

    private final String word;

    Quirk(String word) {
        this.word = word;
    }

    /** The lab-file keyword. */
    public String word() {
        return word;
    }

    /** The quirk a lab-file word names, or null. */
    static Quirk of(String word) {
        for (Quirk q : values()) {
            if (q.word.equals(word)) {
                return q;
            }
        }
        return null;
    }
}
