package org.dnstracer.net;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How queries are sent.
 *
 * @param tries tries per server over UDP (or TCP with tcpOnly), at least 1 ({@code -r})
 * @param maxTimeout upper bound of one try's wait ({@code -t})
 * @param initialTimeout the first try's wait before any round trip has been measured; later tries double it
 * @param source local address every query socket binds to ({@code -S}), or null for the system's choice
 * @param tcpOnly send every query over TCP ({@code --tcp})
 * @param edns add an OPT record ({@code --no-edns} turns it off)
 * @param ednsPayloadSize the UDP payload size advertised in the OPT record ({@code --edns-size})
 * @param maxInFlight global cap on queries waiting for a reply at the same time, 1 to {@link #MAX_IN_FLIGHT}
 *     (0 or less means the default); {@link DnsTransport} runs one thread per query in flight, while
 *     {@link MultiplexedTransport} takes its own cap instead
 * @param dnssecOk set the DO bit in the OPT record, asking for RRSIG, NSEC and DS records ({@code -D}); no effect
 *     without EDNS
 */
public record TransportOptions(
        int tries,
        Duration maxTimeout,
        Duration initialTimeout,
        InetAddress source,
        boolean tcpOnly,
        boolean edns,
        int ednsPayloadSize,
        int maxInFlight,
        boolean dnssecOk) {

    public static final int DEFAULT_TRIES = 3;
    public static final Duration DEFAULT_MAX_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The first try's wait before any round trip is measured; a server not yet heard from after that gets the
     * measured estimate but at least half of this (see {@link AdaptiveTimeouts}). 400 ms (Unbound uses 376 ms for
     * unknown servers) still covers intercontinental round trips, and each later try doubles it: with three tries
     * a silent server costs 200 + 400 + 800 ms instead of 400 + 800 + 1600.
     */
    public static final Duration DEFAULT_INITIAL_TIMEOUT = Duration.ofMillis(400);
    public static final int DEFAULT_EDNS_SIZE = 1232;
    /**
     * Queries in flight at once, and so the transport's threads. The whole run stays within about 32 threads (the
     * lab's and the JVM's own come on top); 24 parallel queries still finish a wide trace quickly, since most
     * servers answer in a few milliseconds.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 24;
    /** The most queries in flight a blocking transport allows, whatever it is asked for (and TCP tries at once). */
    public static final int MAX_IN_FLIGHT = DEFAULT_MAX_IN_FLIGHT;

    /** Without the DO bit, as before {@code -D} existed. */
    public TransportOptions(int tries, Duration maxTimeout, Duration initialTimeout, InetAddress source, boolean tcpOnly,
            boolean edns, int ednsPayloadSize, int maxInFlight) {
        this(tries, maxTimeout, initialTimeout, source, tcpOnly, edns, ednsPayloadSize, maxInFlight, false);
    }

    public TransportOptions {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1");
        }
        if (ednsPayloadSize < 512 || ednsPayloadSize > 65535) {
            throw new IllegalArgumentException("EDNS payload size must be 512-65535");
        }
        if (maxInFlight <= 0) {
            maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        }
        if (maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("at most " + MAX_IN_FLIGHT + " queries can be in flight, not " + maxInFlight);
        }
    }

    public static TransportOptions defaults() {
        return new TransportOptions(
                DEFAULT_TRIES, DEFAULT_MAX_TIMEOUT, DEFAULT_INITIAL_TIMEOUT, null, false, true, DEFAULT_EDNS_SIZE,
                DEFAULT_MAX_IN_FLIGHT);
    }

    public TransportOptions withTries(int n) {
        return new TransportOptions(n, maxTimeout, initialTimeout, source, tcpOnly, edns, ednsPayloadSize, maxInFlight, dnssecOk);
    }

    public TransportOptions withMaxTimeout(Duration t) {
        return new TransportOptions(tries, t, initialTimeout, source, tcpOnly, edns, ednsPayloadSize, maxInFlight, dnssecOk);
    }

    public TransportOptions withInitialTimeout(Duration t) {
        return new TransportOptions(tries, maxTimeout, t, source, tcpOnly, edns, ednsPayloadSize, maxInFlight, dnssecOk);
    }

    public TransportOptions withSource(InetAddress a) {
        return new TransportOptions(tries, maxTimeout, initialTimeout, a, tcpOnly, edns, ednsPayloadSize, maxInFlight, dnssecOk);
    }

    public TransportOptions withTcpOnly(boolean b) {
        return new TransportOptions(tries, maxTimeout, initialTimeout, source, b, edns, ednsPayloadSize, maxInFlight, dnssecOk);
    }

    public TransportOptions withEdns(boolean on, int size) {
        return new TransportOptions(tries, maxTimeout, initialTimeout, source, tcpOnly, on, size, maxInFlight, dnssecOk);
    }

    public TransportOptions withDnssecOk(boolean on) {
        return new TransportOptions(tries, maxTimeout, initialTimeout, source, tcpOnly, edns, ednsPayloadSize, maxInFlight, on);
    }

    public TransportOptions withMaxInFlight(int n) {
        return new TransportOptions(tries, maxTimeout, initialTimeout, source, tcpOnly, edns, ednsPayloadSize, n, dnssecOk);
    }
}
