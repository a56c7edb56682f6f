package org.dnstracer.net;

import java.net.InetAddress;

/**
 * Bounds what goes out to each server address: every datagram (tries, hedges, the try without EDNS, probes) and
 * every TCP connection takes a token from it first. Thread-safe.
 */
public interface Pacer {
    /**
     * Takes a token for one datagram or connection to {@code address}, the next one due if none is left now.
     *
     * @return nanoseconds to wait before sending: 0 when a token was there
     */
    long reserve(InetAddress address);

    /** Takes a token only if one is there now: for what may be left out (a hedge) rather than wait. */
    boolean tryTake(InetAddress address);
}
