package org.dnstracer.bulk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportStats;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A transport that starts exchanges with each server address at most at a given rate ({@link TokenBuckets}): an
 * exchange over the rate is held back, without holding a thread, until its token is due. Only for transports that
 * cannot pace their own packets ({@link Transport#pace}): this bounds exchanges, not the tries, hedges and
 * fallbacks within them. The wrapped transport's own cap on queries in flight still applies on top. Closing this
 * closes only its timer, not the wrapped transport; exchanges still waiting end unsent.
 */
final class PoliteTransport implements Transport {
    private final Transport inner;
    private final TokenBuckets buckets;
    private final ScheduledThreadPoolExecutor timer;
    /** Exchanges waiting for their token, with what each becomes if this closes first. */
    private final Map<CompletableFuture<Exchange>, Supplier<Exchange>> waiting = new ConcurrentHashMap<>();

    PoliteTransport(Transport inner, TokenBuckets buckets) {
        this.inner = inner;
        this.buckets = buckets;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "dnstracer-bulk-rate");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype) {
        return paced(server, qname, qtype, () -> inner.exchange(server, qname, qtype));
    }

    @Override
    public CompletableFuture<Exchange> exchangeRecursive(ServerAddress server, Name qname, int qtype) {
        return paced(server, qname, qtype, () -> inner.exchangeRecursive(server, qname, qtype));
    }

    private interface Send {
        CompletableFuture<Exchange> send();
    }

    private CompletableFuture<Exchange> paced(ServerAddress server, Name qname, int qtype, Send send) {
        long wait = buckets.reserve(server.address());
        if (wait == 0) {
            return send.send();
        }
        CompletableFuture<Exchange> later = new CompletableFuture<>();
        waiting.put(later, () -> notSent(server, qname, qtype));
        try {
            timer.schedule(() -> {
                if (waiting.remove(later) == null) {
                    return; // dropped by close()
                }
                try {
                    send.send().whenComplete((e, error) -> {
                        if (error != null) {
                            later.completeExceptionally(error);
                        } else {
                            later.complete(e);
                        }
                    });
                } catch (RuntimeException e) {
                    later.completeExceptionally(e);
                }
            }, wait, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) { // closed: dropped, not sent
            if (waiting.remove(later) != null) {
                later.complete(notSent(server, qname, qtype));
            }
        }
        return later;
    }

    private static Exchange notSent(ServerAddress server, Name qname, int qtype) {
        Message query = Message.newQuery(Record.newRecord(qname, qtype, DClass.IN));
        Attempt attempt = new Attempt(Protocol.UDP, query, Duration.ZERO, Duration.ZERO, AttemptResult.TIMEOUT, null,
                0, List.of(), "transport closed before the query was sent");
        return new Exchange(server, qname, qtype, null, List.of(attempt), false);
    }

    @Override
    public TransportStats stats() {
        return inner.stats();
    }

    @Override
    public void close() {
        timer.shutdownNow(); // what still waits is dropped, not sent
        for (CompletableFuture<Exchange> f : List.copyOf(waiting.keySet())) {
            Supplier<Exchange> dropped = waiting.remove(f);
            if (dropped != null) {
                f.complete(dropped.get());
            }
        }
    }
}
