package org.dnstracer.net;

import java.util.concurrent.atomic.LongAdder;

/** The live, thread-safe tallies behind {@link TransportStats}. */
final class TransportCounters {
    private final LongAdder udpQueries = new LongAdder();
    private final LongAdder tcpQueries = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder timeouts = new LongAdder();

    void sent(Protocol protocol, int octets) {
        (protocol == Protocol.UDP ? udpQueries : tcpQueries).increment();
        bytesSent.add(octets);
    }

    void received(int octets) {
        bytesReceived.add(octets);
    }

    void accepted() {
        accepted.increment();
    }

    void ignored() {
        ignored.increment();
    }

    void timedOut() {
        timeouts.increment();
    }

    TransportStats snapshot() {
        long udp = udpQueries.sum();
        long tcp = tcpQueries.sum();
        return new TransportStats(
                udp + tcp, udp, tcp, bytesSent.sum(), bytesReceived.sum(), accepted.sum(), ignored.sum(),
                timeouts.sum());
    }
}
