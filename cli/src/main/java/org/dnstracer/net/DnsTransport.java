package org.dnstracer.net;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
public final class DnsTransport extends QueuedTransport {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final AdaptiveTimeouts timeouts;
    private final Requests requests;
    private final ThreadPoolExecutor executor;

    public DnsTransport(TransportOptions options) {
        this(options, AdaptiveTimeouts.FLOOR);
    }

    /**
     * With another shortest wait than the usual 50 ms for a server that has answered quickly before. Tests of whole
     * traces raise it: on a loaded machine a loopback reply can miss 50 ms, and their output must not depend on that.
     */
    public DnsTransport(TransportOptions options, Duration timeoutFloor) {
        super(options, "net", INSTANCES);
        this.timeouts = Requests.timeouts(options, timeoutFloor);
        this.requests = new Requests(options, timeouts, new BlockingTries(sockets, counters));
        this.executor = pool("", options.maxInFlight()); // a thread a query in flight, which the options cap
    }

    @Override
    Requests requests() {
        return requests;
    }

    @Override
    CompletableFuture<Exchange> enqueue(Request request) {
        if (closed.get()) {
            request.abandon();
            return request.future;
        }
        try {
            // the tries block, so the request has ended when start() returns
            executor.execute(new Task(request));
        } catch (RejectedExecutionException e) {
            request.abandon(); // lost the race with close()
        }
        return request.future;
    }

    /** The wait the next first try to {@code server} would get: for the verbose dump and for tests. */
    public Duration nextInitialTimeout(ServerAddress server) {
        return timeouts.initialFor(server);
    }

    @Override
    void shutDown() {
        sockets.closeAll();
        List<Runnable> pending = executor.shutdownNow();
        for (Runnable r : pending) {
            if (r instanceof Task task) {
                task.request.abandon();
            }
        }
        if (threads.isCurrent()) {
            return; // called from a callback on our own thread: waiting for ourselves would only stall
        }
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            executor.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            // a terminated pool's threads may still be unwinding; join them so none outlive close()
            threads.joinUntil(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request on the pool; its own type so that close() can settle the ones that never started. */
    private record Task(Request request) implements Runnable {
        @Override
        public void run() {
            request.start();
        }
    }
}
