package org.dnstracer.net;

/** What became of one try (one datagram or one TCP exchange) sent to a server. */
public enum AttemptResult {
    /** A valid reply was accepted. */
    REPLY,
    /** A valid UDP reply had TC=1; the exchange went on over TCP. */
    TRUNCATED,
    /** Nothing acceptable arrived before the try's timeout. */
    TIMEOUT,
    /** ICMP unreachable, connection refused or reset: the server is not there. */
    UNREACHABLE,
    /** Something arrived from the server that could not be parsed as a DNS message. */
    MALFORMED,
    /** The query could not even be sent (no route, bind failure of the source address). */
    SEND_ERROR
}
