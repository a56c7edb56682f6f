package org.dnstracer.net;

/**
 * Totals over the life of one transport, for the summary line and the JSON output.
 *
 * @param queriesSent queries that left this host, over either protocol
 * @param udpQueriesSent of those, sent as a UDP datagram
 * @param tcpQueriesSent of those, written to a TCP connection
 * @param bytesSent DNS message octets sent (without the TCP length prefix)
 * @param bytesReceived DNS message octets received, accepted or not
 * @param repliesAccepted replies that matched their query
 * @param repliesIgnored datagrams or TCP replies dropped by the acceptance rule
 * @param timeouts tries that ended without an acceptable reply in time
 */
public record TransportStats(
        long queriesSent,
        long udpQueriesSent,
        long tcpQueriesSent,
        long bytesSent,
        long bytesReceived,
        long repliesAccepted,
        long repliesIgnored,
        long timeouts) {

    public static final TransportStats EMPTY = new TransportStats(0, 0, 0, 0, 0, 0, 0, 0);
}
