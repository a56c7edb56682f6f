package org.dnstracer.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * The real transport of a single trace: blocking sockets on a pool of {@code maxInFlight} daemon threads, so at
 * most that many queries wait for replies at once; the rest queue up in submission order. For hundreds of queries
 * at once (bulk tracing) see {@link MultiplexedTransport}, which runs the same exchange policy without a thread
 * per query.
 *
 * <p>Futures complete on a transport thread, which runs non-async dependent stages before it takes the next query.
 * Keep such stages short and never block in them on another exchange (use the {@code *Async} variants for that):
 * with every thread blocked so, no query could ever complete.
 */
public final class DnsTransport implements Transport {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Idle threads go away so a long-lived but quiet transport holds nothing. */
    private static final long KEEP_ALIVE_SECONDS = 5;
    /** close() waits this long for threads to notice their sockets were closed under them. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    private final TransportCounters counters = new TransportCounters();
    private final TrySockets sockets;
    private final AdaptiveTimeouts timeouts;
    private final ExchangeRunner runner;
    private final ProbeRunner probes;
    private final String threadPrefix;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    public DnsTransport(TransportOptions options) {
        this(options, AdaptiveTimeouts.FLOOR);
    }

    /**
     * With another shortest wait than the usual 50 ms for a server that has answered quickly before. Tests of whole
     * traces raise it: on a loaded machine a loopback reply can miss 50 ms, and their output must not depend on that.
     */
    public DnsTransport(TransportOptions options, Duration timeoutFloor) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(timeoutFloor, "timeoutFloor");
        this.sockets = new TrySockets(options.source());
        this.timeouts = AdaptiveTimeouts.from(options, timeoutFloor);
        QueryBuilder queries = new QueryBuilder(options.ednsPayloadSize(), options.dnssecOk());
        Tries tries = new BlockingTries(sockets, counters);
        this.runner = new ExchangeRunner(options, timeouts, queries, tries);
        this.probes = new ProbeRunner(options, timeouts, tries);
        this.threadPrefix = "dnstracer-net-" + INSTANCES.incrementAndGet() + "-";
        // fixed size with an unbounded queue: the pool never grows past maxInFlight, which the options cap
        int workers = options.maxInFlight();
        this.executor = new ThreadPoolExecutor(
                workers, workers, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory());
        executor.allowCoreThreadTimeOut(true);
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
        return enqueue(new ExchangeTask(server, qname, qtype, recursive));
    }

    @Override
    public CompletableFuture<Exchange> probe(ServerAddress server, Message query, Protocol protocol) {
        RequestChecks.probe(server, query, protocol);
        return enqueue(new ProbeTask(server, query.clone(), protocol));
    }

    private CompletableFuture<Exchange> enqueue(Task task) {
        if (closed.get()) {
            task.abandon();
            return task.future;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.abandon(); // lost the race with close()
        }
        return task.future;
    }

    @Override
    public TransportStats stats() {
        return counters.snapshot();
    }

    /** The wait the next first try to {@code server} would get: for the verbose dump and for tests. */
    public Duration nextInitialTimeout(ServerAddress server) {
        return timeouts.initialFor(server);
    }

    /** Threads of this transport are named with this prefix. */
    String threadNamePrefix() {
        return threadPrefix;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sockets.closeAll();
        List<Runnable> pending = executor.shutdownNow();
        for (Runnable r : pending) {
            if (r instanceof Task task) {
                task.abandon();
            }
        }
        if (threads.contains(Thread.currentThread())) {
            return; // called from a callback on our own thread: waiting for ourselves would only stall
        }
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            executor.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            // a terminated pool's threads may still be unwinding; join them so none outlive close()
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

    private ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, threadPrefix + count.incrementAndGet());
            t.setDaemon(true);
            threads.removeIf(old -> !old.isAlive());
            threads.add(t);
            return t;
        };
    }

    /** The unit of work on the pool; kept as its own type so close() can settle the ones that never started. */
    private abstract static class Task implements Runnable {
        final CompletableFuture<Exchange> future = new CompletableFuture<>();

        abstract Exchange work();

        /** Completes as an exchange that never went out, as promised by {@link Transport#close()}. */
        abstract void abandon();

        @Override
        public void run() {
            try {
                future.complete(work());
            } catch (CompletionException e) {
                future.completeExceptionally(e.getCause()); // a bug in a stage of the policy: let it show
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e); // a bug, not a network problem: let it show
                if (e instanceof Error) {
                    throw e;
                }
            }
        }
    }

    private final class ExchangeTask extends Task {
        final ServerAddress server;
        final Name qname;
        final int qtype;
        final boolean recursive;

        ExchangeTask(ServerAddress server, Name qname, int qtype, boolean recursive) {
            this.recursive = recursive;
            this.server = server;
            this.qname = qname;
            this.qtype = qtype;
        }

        @Override
        Exchange work() {
            return runner.run(server, qname, qtype, recursive).join(); // already complete: the tries block
        }

        @Override
        void abandon() {
            future.complete(new Exchange(server, qname, qtype, null, List.of(runner.notSent(qname, qtype)), false));
        }
    }

    /** A probe on the pool: sent exactly as built, without fallback. */
    private final class ProbeTask extends Task {
        final ServerAddress server;
        final Message query;
        final Protocol protocol;

        ProbeTask(ServerAddress server, Message query, Protocol protocol) {
            this.server = server;
            this.query = query;
            this.protocol = protocol;
        }

        @Override
        Exchange work() {
            return probes.run(server, query, protocol).join();
        }

        @Override
        void abandon() {
            future.complete(new Exchange(server, query.getQuestion().getName(), query.getQuestion().getType(), null,
                    List.of(), false));
        }
    }
}
