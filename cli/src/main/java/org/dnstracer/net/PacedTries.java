package org.dnstracer.net;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * Tries that leave only when the {@link Pacer} has a token for their server: a try over the bound waits on a timer,
 * without holding a thread, and its hedge goes out only if a token is there at that moment (else the try goes on
 * unhedged, and the exchange may spend that query on a later try). Closing drops the tries still waiting: they end
 * as not sent, nothing is sent on the way out.
 */
final class PacedTries implements Tries {
    private final Tries inner;
    /** Null until {@link #pace(Pacer)}: every try then goes at once. */
    private volatile Pacer pacer;
    private final ScheduledThreadPoolExecutor timer;
    /** Tries waiting for their token, with what each becomes if the transport closes first. */
    private final Map<CompletableFuture<Attempt>, Supplier<Attempt>> waiting = new ConcurrentHashMap<>();

    /** Unpaced until {@link #pace(Pacer)}; the timer's thread starts only when a try first has to wait. */
    PacedTries(Tries inner, String threadName) {
        this.inner = inner;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Paces every later try, hedge and connection by {@code pacer}. */
    void pace(Pacer pacer) {
        this.pacer = pacer;
    }

    @Override
    public CompletableFuture<Attempt> udp(ServerAddress server, Message query, Duration timeout, Duration hedgeAfter,
            Supplier<Message> hedgeQuery) {
        Pacer p = pacer;
        Supplier<Message> pacedHedge = hedgeQuery == null || p == null ? hedgeQuery
                : () -> p.tryTake(server.address()) ? hedgeQuery.get() : null;
        return paced(server, Protocol.UDP, query, () -> inner.udp(server, query, timeout, hedgeAfter, pacedHedge));
    }

    @Override
    public CompletableFuture<Attempt> tcp(ServerAddress server, Message query, Duration timeout) {
        return paced(server, Protocol.TCP, query, () -> inner.tcp(server, query, timeout));
    }

    @Override
    public boolean isClosed() {
        return inner.isClosed();
    }

    private CompletableFuture<Attempt> paced(ServerAddress server, Protocol protocol, Message query,
            Supplier<CompletableFuture<Attempt>> send) {
        Pacer p = pacer;
        long wait = p == null ? 0 : p.reserve(server.address());
        if (wait <= 0) {
            return send.get();
        }
        CompletableFuture<Attempt> later = new CompletableFuture<>();
        waiting.put(later, () -> Attempt.notSent(protocol, query));
        try {
            timer.schedule(() -> {
                if (waiting.remove(later) == null) {
                    return; // dropped by close()
                }
                if (inner.isClosed()) {
                    later.complete(Attempt.notSent(protocol, query));
                    return;
                }
                send.get().whenComplete((attempt, error) -> {
                    if (error != null) {
                        later.completeExceptionally(error);
                    } else {
                        later.complete(attempt);
                    }
                });
            }, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the try is dropped, not sent
            if (waiting.remove(later) != null) {
                later.complete(Attempt.notSent(protocol, query));
            }
        }
        return later;
    }

    /** Stops the timer; every try still waiting for its token ends as not sent. */
    void close() {
        timer.shutdownNow();
        for (CompletableFuture<Attempt> f : List.copyOf(waiting.keySet())) {
            Supplier<Attempt> dropped = waiting.remove(f);
            if (dropped != null) {
                f.complete(dropped.get());
            }
        }
    }

    /** Tries waiting for a token now; for tests. */
    int waitingCount() {
        return waiting.size();
    }
}
