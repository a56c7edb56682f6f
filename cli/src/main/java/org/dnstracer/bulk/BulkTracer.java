package org.dnstracer.bulk;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dnstracer.model.Trace;
import org.dnstracer.net.Transport;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;

/**
 * Traces many names in one process, sharing what the traces learn: names and types in, one {@link BulkResult} per
 * input out. Every name gets the full all-paths trace of a single run, except that the delegation of a zone (the
 * referral each server of the parent gave, and the addresses of glueless name servers) is learned once and reused
 * for every name below it ({@link BulkCaches}), and a server that stayed silent is not asked again for a while. So
 * the root and the TLDs are asked about once per zone, while every server of each name's own zone is asked for
 * that name.
 *
 * <p>Politeness: at most {@link BulkSettings#parallel()} names are traced at once, queries to any one server address
 * are paced to {@link BulkSettings#ratePerServer()} a second, and the given transport's own cap on queries in
 * flight applies to all of them. Memory stays flat: the caches are bounded, and in ordered mode a bounded number
 * of finished results ({@code 4 * parallel}, or as many prepared values as the caller of
 * {@link #run(Iterator, Function, Consumer, int)} allows) wait for an earlier one.
 *
 * <p>Thread-safe: {@link #trace(BulkInput)} may be called from many threads, and {@link #run} from one thread at a
 * time. The transport stays the caller's: close it after this.
 *
 * <pre>{@code
 * try (Transport transport = BulkSetup.transport(TransportOptions.defaults(), 256);
 *         BulkTracer bulk = new BulkTracer(transport, BulkSettings.defaults(start, 53, RootHints.builtIn()))) {
 *     BulkSummary summary = bulk.run(inputs.iterator(), result -> System.out.println(result.verdict()));
 * }
 * }</pre>
 */
public final class BulkTracer implements AutoCloseable {
    private final BulkSettings settings;
    private final BulkCaches caches;
    private final TokenBuckets buckets;
    private final Transport transport;
    private final Tracer tracer;

    public BulkTracer(Transport transport, BulkSettings settings) {
        Objects.requireNonNull(transport, "transport");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.caches = new BulkCaches(settings.cacheEntries(), settings.maxCacheTtl(), settings.deadFor());
        this.buckets = settings.ratePerServer() > 0
                ? new TokenBuckets(settings.ratePerServer(), settings.burstPerServer(), System::nanoTime)
                : null;
        // the rate bounds packets (tries, hedges, EDNS fallback, TCP, probes): only the transport sees them all
        if (buckets != null && !transport.pace(buckets)) {
            throw new IllegalArgumentException("a rate per server needs a transport that paces its tries, such as "
                    + "BulkSetup.transport's");
        }
        this.transport = transport;
        this.tracer = new Tracer(transport, caches);
    }

    /**
     * The transport the traces send through, paced to the settings' rate: what asks more of the same servers for a
     * name (its {@code --check} probes, its DNSKEY sets) goes through it too, so that the rate holds for them.
     */
    public Transport transport() {
        return transport;
    }

    /** Time queries spent held back by the rate per server so far, summed over all queries (0 without a rate). */
    public long rateWaitNanos() {
        return buckets == null ? 0 : buckets.waitedNanos();
    }

    /** The caches shared by every trace of this tracer. */
    public BulkCaches caches() {
        return caches;
    }

    /** Traces one input now, in the calling thread, with the shared caches; never throws for a bad input. */
    public BulkResult trace(BulkInput input) {
        return trace(0, input);
    }

    private BulkResult trace(long index, BulkInput input) {
        if (input.question() == null) {
            return new BulkResult(index, input, NameVerdict.ERROR, null, input.error(), 0);
        }
        long start = System.nanoTime();
        TraceRequest request = new TraceRequest(input.question(), settings.start(), settings.port(), settings.family(),
                true, false, settings.followCname(), settings.limits(), settings.rootHints(), settings.tries());
        try {
            Trace trace = tracer.run(request, TraceListener.NONE);
            return new BulkResult(index, input, NameVerdict.of(trace), trace, null, millisSince(start));
        } catch (RuntimeException e) {
            return new BulkResult(index, input, NameVerdict.ERROR, null, "internal error: " + e, millisSince(start));
        }
    }

    /**
     * Traces every input, {@link BulkSettings#parallel()} at a time, and hands each result to {@code sink}: in
     * input order, or in completion order when the settings say so. The sink is called by one thread at a time; if
     * it throws, no further input is started and the exception is rethrown once the names in flight are done.
     *
     * @return the totals, once every result has been handed over
     */
    public BulkSummary run(Iterator<BulkInput> inputs, Consumer<BulkResult> sink) {
        return run(inputs, Function.identity(), sink, 4 * settings.parallel());
    }

    /**
     * As {@link #run(Iterator, Consumer)}, with {@code prepare} applied to each result on the thread that traced
     * it, many at once: what is costly per name (its findings, its JSON line) is done there, in parallel, and the
     * sink, called one result at a time, only writes. Only prepared values wait for an earlier name, never a whole
     * trace. An exception from {@code prepare} is handled as one from the sink.
     *
     * @param waiting in an ordered run, how many finished names may wait for an earlier one that is slow (a name
     *     of a zone with a silent server takes seconds): the larger, the less such a name holds the others back,
     *     at the memory of that many prepared values; at least {@link BulkSettings#parallel()}
     */
    public <T> BulkSummary run(Iterator<BulkInput> inputs, Function<BulkResult, T> prepare, Consumer<T> sink,
            int waiting) {
        long start = System.nanoTime();
        long hitsBefore = caches.referralHits();
        Totals totals = new Totals();
        RuntimeException failure = null;
        ExecutorService pool = workers(settings.parallel());
        Iterator<Indexed> indexed = new Iterator<>() {
            private long index;

            @Override
            public boolean hasNext() {
                return inputs.hasNext();
            }

            @Override
            public Indexed next() {
                return new Indexed(index++, inputs.next());
            }
        };
        DeliveryWindow<Indexed, Finished<T>> window = new DeliveryWindow<>(indexed, pool,
                in -> finished(trace(in.index(), in.input()), prepare), settings.ordered(),
                settings.ordered() ? Math.max(waiting, settings.parallel()) : settings.parallel());
        try {
            while (window.hasNext()) {
                Finished<T> f = window.next();
                totals.add(f);
                try {
                    if (f.failure() != null) {
                        throw f.failure();
                    }
                    sink.accept(f.value());
                } catch (RuntimeException e) {
                    failure = e;
                    window.cancel(); // no further input is started
                    break;
                }
            }
        } catch (CancellationException e) {
            // interrupted: the interrupt flag is set again; the totals of what was handed over are returned
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        if (failure != null) {
            throw failure;
        }
        return totals.summary(millisSince(start), caches.referralHits() - hitsBefore);
    }

    /** An input and its place in the input. */
    private record Indexed(long index, BulkInput input) {}

    private static <T> Finished<T> finished(BulkResult result, Function<BulkResult, T> prepare) {
        T value = null;
        RuntimeException failure = null;
        try {
            value = prepare.apply(result);
        } catch (RuntimeException e) {
            failure = e;
        }
        return new Finished<>(result.index(), result.verdict(), result.input().question() == null, result.queries(),
                value, failure);
    }

    /** Nothing to release: the transport stays the caller's. */
    @Override
    public void close() {}

    private static ExecutorService workers(int n) {
        ThreadFactory threads = VirtualThreads.factory("dnstracer-bulk-").orElseGet(() -> {
            AtomicInteger count = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, "dnstracer-bulk-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        });
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true; // the names in flight end by their own time limit: wait for them
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A traced name as it waits for delivery: its prepared value, and what the totals count. */
    private record Finished<T>(long index, NameVerdict verdict, boolean badInput, long queries, T value,
            RuntimeException failure) {}

    /** What the summary counts of the results handed over; read by the one thread that hands them over. */
    private static final class Totals {
        private final Map<NameVerdict, Long> verdicts = new EnumMap<>(NameVerdict.class);
        private long names;
        private long badInputs;
        private long queries;

        void add(Finished<?> f) {
            names++;
            verdicts.merge(f.verdict(), 1L, Long::sum);
            if (f.badInput()) {
                badInputs++;
            }
            queries += f.queries();
        }

        BulkSummary summary(long elapsedMillis, long referralsReused) {
            return new BulkSummary(names, verdicts, badInputs, queries, elapsedMillis, referralsReused);
        }
    }
}
