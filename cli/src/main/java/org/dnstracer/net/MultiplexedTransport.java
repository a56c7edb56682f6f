package org.dnstracer.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

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
public final class MultiplexedTransport implements Transport {
    /** Queries in flight at once unless told otherwise: 40 ms round trips still give over 6,000 queries a second. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    /** The most queries in flight: each holds a socket (two while hedged), and the process has a descriptor limit. */
    public static final int MAX_IN_FLIGHT = 4096;
    /** Callbacks run the tracing engine's stages: enough threads to keep both cores of a small machine busy. */
    static final int CALLBACK_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final long KEEP_ALIVE_SECONDS = 5;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    private final TransportCounters counters = new TransportCounters();
    private final TrySockets sockets;
    private final ExchangeRunner runner;
    private final ProbeRunner probes;
    private final String threadPrefix;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor callbacks;
    private final ThreadPoolExecutor tcpPool;
    private final UdpMultiplexer multiplexer;
    private final PacedTries paced;
    private final int maxInFlight;
    private final Queue<Task> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

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
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(timeoutFloor, "timeoutFloor");
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException(
                    "queries in flight must be between 1 and " + MAX_IN_FLIGHT + ", not " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.sockets = new TrySockets(options.source());
        AdaptiveTimeouts timeouts = AdaptiveTimeouts.from(options, timeoutFloor);
        this.threadPrefix = "dnstracer-mux-" + INSTANCES.incrementAndGet() + "-";
        this.callbacks = pool("cb-", CALLBACK_THREADS);
        // a callback that finds the pool shut down runs where it is: close() must still settle every future
        callbacks.setRejectedExecutionHandler((r, pool) -> r.run());
        this.tcpPool = pool("tcp-", Math.min(maxInFlight, TransportOptions.MAX_IN_FLIGHT));
        try {
            this.multiplexer = new UdpMultiplexer(sockets, counters, callbacks, threadPrefix + "udp");
        } catch (IOException e) {
            callbacks.shutdownNow();
            tcpPool.shutdownNow();
            throw new UncheckedIOException("cannot open a selector", e);
        }
        threads.add(multiplexer.thread());
        this.paced = new PacedTries(new MultiplexedTries(sockets, counters, multiplexer, tcpPool, callbacks),
                threadPrefix + "pace");
        QueryBuilder queries = new QueryBuilder(options.ednsPayloadSize(), options.dnssecOk());
        this.runner = new ExchangeRunner(options, timeouts, queries, paced);
        this.probes = new ProbeRunner(options, timeouts, paced);
    }

    /** Every later datagram and TCP connection, to any address, first takes a token from {@code pacer}. */
    @Override
    public boolean pace(Pacer pacer) {
        paced.pace(Objects.requireNonNull(pacer, "pacer"));
        return true;
    }

    @Override
    public CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype) {
        return submit(server, qname, qtype, false);
    }

    @Override
    public CompletableFuture<Exchange> exchangeRecursive(ServerAddress server, Name qname, int qtype) {
        return submit(server, qname, qtype, true);
    }

    private CompletableFuture<Exchange> submit(ServerAddress server, Name qname, int qtype, boolean recursive) {
        RequestChecks.question(server, qname, qtype);
        return enqueue(new Task(() -> runner.run(server, qname, qtype, recursive), () -> new Exchange(server, qname,
                qtype, null, List.of(runner.notSent(qname, qtype)), false)));
    }

    @Override
    public CompletableFuture<Exchange> probe(ServerAddress server, Message query, Protocol protocol) {
        RequestChecks.probe(server, query, protocol);
        Message copy = query.clone();
        return enqueue(new Task(() -> probes.run(server, copy, protocol), () -> new Exchange(server,
                copy.getQuestion().getName(), copy.getQuestion().getType(), null, List.of(), false)));
    }

    private CompletableFuture<Exchange> enqueue(Task task) {
        waiting.add(task);
        if (closed.get()) {
            abandonWaiting(); // close() may have drained the queue already
        } else {
            admit();
        }
        return task.future;
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
            Task task = waiting.poll();
            if (task == null) {
                running.decrementAndGet();
                if (waiting.isEmpty()) {
                    return;
                }
                continue;
            }
            // on a callback thread, not here: a task that ends at once would otherwise admit the next one from
            // inside this loop, and a long queue of such tasks would grow the stack without bound
            callbacks.execute(() -> start(task));
        }
    }

    private void start(Task task) {
        CompletableFuture<Exchange> work;
        try {
            work = closed.get() ? CompletableFuture.completedFuture(task.abandoned.get()) : task.work.start();
        } catch (RuntimeException | Error e) {
            work = CompletableFuture.failedFuture(e); // a bug, not a network problem: let it show
        }
        work.whenComplete((exchange, error) -> {
            running.decrementAndGet();
            if (error != null) {
                task.future.completeExceptionally(error instanceof CompletionException
                        && error.getCause() != null ? error.getCause() : error);
            } else {
                task.future.complete(exchange);
            }
            if (!closed.get()) {
                admit();
            }
        });
    }

    private void abandonWaiting() {
        for (Task t; (t = waiting.poll()) != null; ) {
            t.future.complete(t.abandoned.get());
        }
    }

    @Override
    public TransportStats stats() {
        return counters.snapshot();
    }

    /** Sockets of tries under way; for tests. */
    int openSockets() {
        return sockets.openCount();
    }

    /** Threads of this transport are named with this prefix. */
    String threadNamePrefix() {
        return threadPrefix;
    }

    /**
     * Ends every try under way as cut short by the close, every waiting exchange as never sent, and stops the
     * threads (waiting a few seconds for them unless called from one of them).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        abandonWaiting();
        sockets.closeAll();
        paced.close(); // tries waiting for their token end unsent: nothing goes out on the way down
        multiplexer.closeWithin(CLOSE_GRACE);
        tcpPool.shutdown(); // its tries end quickly once their sockets are closed; their callbacks must still run
        if (threads.contains(Thread.currentThread())) {
            callbacks.shutdown();
            return; // called from a callback on our own thread: waiting for ourselves would only stall
        }
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            tcpPool.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            callbacks.shutdown(); // after the TCP pool: callbacks still queued by the settled tries run first
            callbacks.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            for (Thread t : threads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) {
                    t.join(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ThreadPoolExecutor pool(String kind, int size) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threadFactory(kind));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private ThreadFactory threadFactory(String kind) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, threadPrefix + kind + count.incrementAndGet());
            t.setDaemon(true);
            threads.removeIf(old -> !old.isAlive());
            threads.add(t);
            return t;
        };
    }

    /** How a queued exchange or probe starts, and what it becomes if it never does. */
    private interface Work {
        CompletableFuture<Exchange> start();
    }

    private static final class Task {
        final Work work;
        final Supplier<Exchange> abandoned;
        final CompletableFuture<Exchange> future = new CompletableFuture<>();

        Task(Work work, Supplier<Exchange> abandoned) {
            this.work = work;
            this.abandoned = abandoned;
        }
    }
}
