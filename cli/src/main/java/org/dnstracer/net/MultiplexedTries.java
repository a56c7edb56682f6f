package org.dnstracer.net;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * UDP tries on the {@link UdpMultiplexer}, without a thread each; TCP tries (after TC=1, or with {@code --tcp})
 * stay blocking, on their own small pool, since they are rare and a connection is a thread's worth of work anyway.
 * Every future completes on the {@code completions} executor.
 */
final class MultiplexedTries implements Tries {
    private final TrySockets sockets;
    private final UdpMultiplexer udp;
    private final TcpTry tcp;
    private final ExecutorService tcpPool;
    private final Executor completions;

    MultiplexedTries(TrySockets sockets, TransportCounters counters, UdpMultiplexer udp, ExecutorService tcpPool,
            Executor completions) {
        this.sockets = sockets;
        this.udp = udp;
        this.tcp = new TcpTry(sockets, counters);
        this.tcpPool = tcpPool;
        this.completions = completions;
    }

    @Override
    public CompletableFuture<Attempt> udp(ServerAddress server, Message query, Duration timeout, Duration hedgeAfter,
            Supplier<Message> hedgeQuery) {
        return udp.send(server, query, timeout, hedgeAfter, hedgeQuery);
    }

    @Override
    public CompletableFuture<Attempt> tcp(ServerAddress server, Message query, Duration timeout) {
        CompletableFuture<Attempt> future = new CompletableFuture<>();
        try {
            tcpPool.execute(() -> {
                Attempt attempt;
                try {
                    attempt = tcp.run(server, query, timeout);
                } catch (RuntimeException | Error e) {
                    future.completeExceptionally(e); // a bug, not a network problem: let it show
                    throw e;
                }
                try {
                    completions.execute(() -> future.complete(attempt));
                } catch (RejectedExecutionException e) {
                    future.complete(attempt);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: with its sockets refused, the try ends at once as one the close cut short
            future.complete(tcp.run(server, query, timeout));
        }
        return future;
    }

    @Override
    public boolean isClosed() {
        return sockets.isClosed();
    }
}
