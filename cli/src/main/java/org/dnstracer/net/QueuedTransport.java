package org.dnstracer.net;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * What the two real transports share above their tries: every exchange and probe is a {@link Request} built by
 * {@link Requests} and queued; {@link DnsTransport} runs the queue on a thread each, {@link MultiplexedTransport}
 * on a few threads and one selector.
 */
abstract class QueuedTransport implements Transport {
    /** close() waits this long for threads to notice their sockets were closed under them. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(3);
    /** Idle threads go away so a long-lived but quiet transport holds nothing. */
    private static final long KEEP_ALIVE_SECONDS = 5;

    final TransportCounters counters = new TransportCounters();
    final TrySockets sockets;
    final TransportThreads threads;
    final AtomicBoolean closed = new AtomicBoolean();

    /** @param kind the transport's kind in its thread names; {@code instances} numbers them */
    QueuedTransport(TransportOptions options, String kind, AtomicInteger instances) {
        this.sockets = new TrySockets(Objects.requireNonNull(options, "options").source());
        this.threads = new TransportThreads(kind, instances);
    }

    /**
     * A pool of at most {@code size} threads named after {@code kind} with an unbounded queue: it never grows past
     * {@code size}, and its threads go away when idle.
     */
    final ThreadPoolExecutor pool(String kind, int size) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads.factory(kind));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The requests of this transport, over its own tries. */
    abstract Requests requests();

    /** Runs {@code request} in its turn, or abandons it when the transport is closed; returns its future. */
    abstract CompletableFuture<Exchange> enqueue(Request request);

    @Override
    public final CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype) {
        return enqueue(requests().question(server, qname, qtype, false));
    }

    @Override
    public final CompletableFuture<Exchange> exchangeRecursive(ServerAddress server, Name qname, int qtype) {
        return enqueue(requests().question(server, qname, qtype, true));
    }

    @Override
    public final CompletableFuture<Exchange> probe(ServerAddress server, Message query, Protocol protocol) {
        return enqueue(requests().probe(server, query, protocol));
    }

    @Override
    public final TransportStats stats() {
        return counters.snapshot();
    }

    /** Sockets of tries under way; for tests. */
    final int openSockets() {
        return sockets.openCount();
    }

    /** Threads of this transport are named with this prefix. */
    final String threadNamePrefix() {
        return threads.prefix();
    }

    /** The first call shuts the transport down ({@link #shutDown()}); later ones do nothing. */
    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            shutDown();
        }
    }

    /**
     * Settles every request (waiting ones as never sent, running ones as cut short) and stops the threads, waiting
     * a few seconds for them unless called from one of them.
     */
    abstract void shutDown();
}
