package org.dnstracer.net;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * Tries on the calling thread, which blocks until each ends: the futures returned are already complete, so the
 * policy over them runs straight through on that thread, as in {@link DnsTransport}.
 */
final class BlockingTries implements Tries {
    private final TrySockets sockets;
    private final UdpTry udp;
    private final TcpTry tcp;

    BlockingTries(TrySockets sockets, TransportCounters counters) {
        this.sockets = sockets;
        this.udp = new UdpTry(sockets, counters);
        this.tcp = new TcpTry(sockets, counters);
    }

    @Override
    public CompletableFuture<Attempt> udp(ServerAddress server, Message query, Duration timeout, Duration hedgeAfter,
            Supplier<Message> hedgeQuery) {
        return CompletableFuture.completedFuture(udp.run(server, query, timeout, hedgeAfter, hedgeQuery));
    }

    @Override
    public CompletableFuture<Attempt> tcp(ServerAddress server, Message query, Duration timeout) {
        return CompletableFuture.completedFuture(tcp.run(server, query, timeout));
    }

    @Override
    public boolean isClosed() {
        return sockets.isClosed();
    }
}
