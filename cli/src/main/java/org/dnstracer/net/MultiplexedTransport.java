package org.dnstracer.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport for many queries at once (bulk tracing): UDP tries wait on one selector thread
 * ({@link UdpMultiplexer}) instead of a thread each, so hundreds of queries can be in flight on a few threads. The
 * policy of an exchange or probe (tries, hedging, adaptive waits, TCP after TC=1, EDNS fallback) and the records it
 * leaves are those of {@link DnsTransport}: the same {@link ExchangeRunner} and {@link ProbeRunner} drive them.
 *
 * <p>At most {@code maxInFlight} exchanges and probes run at once, the rest wait in submission order, as with
 * {@link DnsTransport}. Futures complete on one of a few callback threads; stages chained onto them must not block
 * (use the {@code *Async} variants to block), or every query behind them waits.
 *
 * <p>Threads: one selector, {@link #CALLBACK_THREADS} for callbacks, and up to {@link TransportOptions#MAX_IN_FLIGHT}
 * for TCP tries, which stay blocking (rare, and a connection is a thread's worth of work anyway); idle TCP threads
 * go away.
 */
public final class MultiplexedTransport extends QueuedTransport {
    /** Queries in flight at once unless told otherwise: 40 ms round trips still give over 6,000 queries a second. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    /** The most queries in flight: each holds a socket (two while hedged), and the process has a descriptor limit. */
    public static final int MAX_IN_FLIGHT = 4096;
    /** Callbacks run the tracing engine's stages: enough threads to keep both cores of a small machine busy. */
    static final int CALLBACK_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Requests requests;
    private final ThreadPoolExecutor callbacks;
    private final ThreadPoolExecutor tcpPool;
    private final UdpMultiplexer multiplexer;
    private final PacedTries paced;
    private final int maxInFlight;
    private final Queue<Request> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    /** With the default cap of {@value #DEFAULT_MAX_IN_FLIGHT} queries in flight. */
    public MultiplexedTransport(TransportOptions options) {
        this(options, DEFAULT_MAX_IN_FLIGHT, AdaptiveTimeouts.FLOOR);
    }

    /**
     * @param options how queries are sent; its own {@link TransportOptions#maxInFlight()} (a thread count for the
     *     blocking transport) is not used
     * @param maxInFlight exchanges and probes under way at once, 1 to {@value #MAX_IN_FLIGHT}
     */
    public MultiplexedTransport(TransportOptions options, int maxInFlight) {
        this(options, maxInFlight, AdaptiveTimeouts.FLOOR);
    }

    /** As {@link DnsTransport#DnsTransport(TransportOptions, Duration)}: another shortest wait, for tests. */
    public MultiplexedTransport(TransportOptions options, int maxInFlight, Duration timeoutFloor) {
        super(options, "mux", INSTANCES);
        AdaptiveTimeouts timeouts = Requests.timeouts(options, timeoutFloor);
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException(
                    "queries in flight must be between 1 and " + MAX_IN_FLIGHT + ", not " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.callbacks = pool("cb-", CALLBACK_THREADS);
        // a callback that finds the pool shut down runs where it is: close() must still settle every future
        callbacks.setRejectedExecutionHandler((r, pool) -> r.run());
        this.tcpPool = pool("tcp-", Math.min(maxInFlight, TransportOptions.MAX_IN_FLIGHT));
        try {
            this.multiplexer = new UdpMultiplexer(sockets, counters, callbacks, threads.prefix() + "udp");
        } catch (IOException e) {
            callbacks.shutdownNow();
            tcpPool.shutdownNow();
            throw new UncheckedIOException("cannot open a selector", e);
        }
        threads.add(multiplexer.thread());
        this.paced = new PacedTries(new MultiplexedTries(sockets, counters, multiplexer, tcpPool, callbacks),
                threads.prefix() + "pace");
        this.requests = new Requests(options, timeouts, paced);
    }

    /** Every later datagram and TCP connection, to any address, first takes a token from {@code pacer}. */
    @Override
    public boolean pace(Pacer pacer) {
        paced.pace(Objects.requireNonNull(pacer, "pacer"));
        return true;
    }

    @Override
    Requests requests() {
        return requests;
    }

    @Override
    CompletableFuture<Exchange> enqueue(Request request) {
        waiting.add(request);
        if (closed.get()) {
            abandonWaiting(); // close() may have drained the queue already
        } else {
            admit();
        }
        return request.future;
    }

    /**
     * Starts waiting tasks while fewer than the cap run. A slot is taken before a task is looked for, and given back
     * when there is none; the queue is then checked again, since a task added meanwhile may have found every slot
     * taken by that very look.
     */
    private void admit() {
        while (true) {
            int now = running.get();
            if (now >= maxInFlight) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            Request request = waiting.poll();
            if (request == null) {
                running.decrementAndGet();
                if (waiting.isEmpty()) {
                    return;
                }
                continue;
            }
            // on a callback thread, not here: a task that ends at once would otherwise admit the next one from
            // inside this loop, and a long queue of such tasks would grow the stack without bound
            callbacks.execute(() -> start(request));
        }
    }

    private void start(Request request) {
        if (closed.get()) {
            running.decrementAndGet();
            request.abandon();
            return;
        }
        request.start().whenComplete((exchange, error) -> {
            running.decrementAndGet();
            if (!closed.get()) {
                admit();
            }
        });
    }

    private void abandonWaiting() {
        for (Request r; (r = waiting.poll()) != null; ) {
            r.abandon();
        }
    }

    @Override
    void shutDown() {
        abandonWaiting();
        sockets.closeAll();
        paced.close(); // tries waiting for their token end unsent: nothing goes out on the way down
        multiplexer.closeWithin(CLOSE_GRACE);
        tcpPool.shutdown(); // its tries end quickly once their sockets are closed; their callbacks must still run
        if (threads.isCurrent()) {
            callbacks.shutdown();
            return; // called from a callback on our own thread: waiting for ourselves would only stall
        }
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            tcpPool.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            callbacks.shutdown(); // after the TCP pool: callbacks still queued by the settled tries run first
            callbacks.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            threads.joinUntil(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
