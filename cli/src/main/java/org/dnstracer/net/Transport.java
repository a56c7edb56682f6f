package org.dnstracer.net;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;

/**
 * Sends one non-recursive question (RD=0, class IN) to one server and completes with everything that happened.
 * The future never completes exceptionally for network trouble: failures are values in {@link Exchange}.
 */
public interface Transport extends AutoCloseable {
    /** The transport over real sockets. */
    static Transport create(TransportOptions options) {
        return new DnsTransport(options);
    }

    CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype);

    /**
     * The same exchange, asked for one place of the tree: with {@code -c} the engine asks a server the same question
     * once per path of servers that led to it, and {@code via} is that path (empty when each question is asked once).
     * Sending does not depend on it; a transport that keeps or replays a run ({@code --save}, {@code --replay})
     * tells the places apart by it, so a replay gives each place its own recorded exchange.
     */
    default CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype,
            List<InetAddress> via) {
        return exchange(server, qname, qtype);
    }

    /**
     * The same question with RD=1, for a resolver that gives no referrals: the engine then asks it for the servers
     * of the closest enclosing zone. Transports that cannot complete exceptionally.
     */
    default CompletableFuture<Exchange> exchangeRecursive(ServerAddress server, Name qname, int qtype) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no recursive queries"));
    }

    /**
     * Sends one probe exactly as built (header flags, OPT record or none, any question) over the given protocol,
     * with the run's tries and timeouts but no fallback: a truncated reply is returned as it is, and a server
     * rejecting EDNS is not asked again without it. Its ID is replaced by a fresh random one for each try. For
     * {@code --check}: TCP, EDNS and recursion probes. Completes with null when the probe cannot be asked at all (a
     * replay of a saved run that never sent it).
     */
    default CompletableFuture<Exchange> probe(ServerAddress server, org.xbill.DNS.Message query, Protocol protocol) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this transport sends no probes"));
    }

    /**
     * Bounds every datagram and TCP connection this transport sends from now on (tries, hedges, the try without
     * EDNS, TCP after TC=1, probes), each taking a token from {@code pacer} for its server address first; tries
     * that wait for one are dropped, not sent, when the transport closes.
     *
     * @return false when this transport cannot pace its packets: the caller must pace its exchanges instead
     */
    default boolean pace(Pacer pacer) {
        return false;
    }

    /** Totals so far; transports that do not count (test doubles) report zeros. */
    default TransportStats stats() {
        return TransportStats.EMPTY;
    }

    /** Stops the transport's threads; pending exchanges complete as timeouts. */
    @Override
    void close();
}
