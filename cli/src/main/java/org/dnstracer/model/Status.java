package org.dnstracer.model;

/** What one server did with the question, in the context of the zone it was asked about. */
public enum Status {
    /** AA=1 with records for the name (the type asked for, or a CNAME chain). */
    AUTHORITATIVE_ANSWER,
    /** AA=1 and NXDOMAIN: an authoritative statement that the name does not exist. */
    AUTHORITATIVE_NXDOMAIN,
    /** AA=1, NOERROR and no records of the type asked for. */
    AUTHORITATIVE_NODATA,
    /** AA=0 with records, from a start server that is not expected to be authoritative (a resolver). */
    ANSWER,
    /** AA=0 NXDOMAIN from a start server that is not expected to be authoritative. */
    NXDOMAIN,
    /** AA=0 NOERROR with nothing in it from a start server that is not expected to be authoritative. */
    NODATA,
    /** A referral to a zone below the one this server was asked about. */
    REFERRAL,
    /** The server does not serve the zone it was delegated: see {@link LameReason}. */
    LAME,
    /** A referral to the same or a higher zone ("refers backwards"). */
    UPWARD_REFERRAL,
    /** Any other reply code (FORMERR, NOTIMP, ...). */
    SERVER_ERROR,
    /** The server's address is already on the path from the start: asking it again would go round in circles. */
    LOOP,
    /** Every try timed out. */
    TIMEOUT,
    /** ICMP unreachable or connection refused. */
    UNREACHABLE,
    /** Only unparseable or mismatched data came back. */
    MALFORMED,
    /** The query could not be sent (source address, no route). */
    SEND_ERROR,
    /** The same query to the same server was shown above. */
    CACHED,
    /** Skipped because of -4 / -6 (or a source address of the other family). */
    NOT_QUERIED,
    /** The name server name has no address. */
    NO_ADDRESS,
    /** A bound of the run (depth, number of queries, name servers per referral) stopped the trace here. */
    LIMIT,
    /** The run's time limit came before this server's reply (or the look-ups behind it). */
    UNFINISHED,
    /** A fault of this program, not of the server: said on the line instead of hanging or crashing the run. */
    INTERNAL_ERROR;

    /** True for the outcomes that count as "a server answered authoritatively" for the exit status. */
    public boolean isAuthoritative() {
        return this == AUTHORITATIVE_ANSWER || this == AUTHORITATIVE_NXDOMAIN || this == AUTHORITATIVE_NODATA;
    }

    /** Lower-case, hyphenated name used in JSON. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
