package org.dnstracer.bulk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportStats;
import org.xbill.DNS.Name;

/**
 * A transport that sends to each server address at most at a given rate ({@link TokenBuckets}): a query over the
 * rate is held back, without holding a thread, until its token is due. The wrapped transport's own cap on queries
 * in flight still applies on top. Closing this closes only its timer, not the wrapped transport.
 */
final class PoliteTransport implements Transport {
    private final Transport inner;
    private final TokenBuckets buckets;
    private final ScheduledThreadPoolExecutor timer;
    private final java.util.concurrent.atomic.LongAdder waited = new java.util.concurrent.atomic.LongAdder();

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
        return paced(server, () -> inner.exchange(server, qname, qtype));
    }

    @Override
    public CompletableFuture<Exchange> exchangeRecursive(ServerAddress server, Name qname, int qtype) {
        return paced(server, () -> inner.exchangeRecursive(server, qname, qtype));
    }

    private interface Send {
        CompletableFuture<Exchange> send();
    }

    private CompletableFuture<Exchange> paced(ServerAddress server, Send send) {
        long wait = buckets.reserve(server.address());
        if (wait == 0) {
            return send.send();
        }
        waited.add(wait);
        CompletableFuture<Exchange> later = new CompletableFuture<>();
        try {
            timer.schedule(() -> {
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
        } catch (RuntimeException e) { // closed: send at once rather than leave the future pending
            return send.send();
        }
        return later;
    }

    /** The waits handed out so far, summed: how long queries were held back by the rate, all together. */
    long waitedNanos() {
        return waited.sum();
    }

    @Override
    public TransportStats stats() {
        return inner.stats();
    }

    @Override
    public void close() {
        timer.shutdownNow().forEach(Runnable::run);
    }
}
