package org.dnstracer.bulk;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The results of many inputs, each worked on a pool, handed out in input order (or in completion order): at most
 * {@code window} inputs are started and not yet handed out, so the pool stays busy behind a slow one while memory
 * stays bounded by the window. The one window of {@link BulkTracer#run} and of the Spark job's partitions.
 *
 * <p>One thread reads it. The work must turn every failure of an input into a result: an exception out of it is a
 * bug, and ends the reading with an {@link IllegalStateException}. {@link #cancel()} (called by the reader, or for
 * it when reading ends early) stops what was started and not handed out; the inputs already running end by their
 * own time limit.
 *
 * @param <I> an input
 * @param <T> its result
 */
public final class DeliveryWindow<I, T> implements Iterator<T> {
    private final Iterator<I> inputs;
    private final ExecutorService pool;
    private final Function<I, T> work;
    private final int window;
    private final CompletionService<T> completed;
    private final ArrayDeque<Future<T>> started = new ArrayDeque<>();

    /**
     * @param ordered hand results out in input order (true) or as they finish
     * @param window how many inputs may be started and not handed out: in input order, how many finished ones a
     *     slow one may hold back; at least 1
     */
    public DeliveryWindow(Iterator<I> inputs, ExecutorService pool, Function<I, T> work, boolean ordered,
            int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.work = Objects.requireNonNull(work, "work");
        this.window = window;
        this.completed = ordered ? null : new ExecutorCompletionService<>(pool);
    }

    @Override
    public boolean hasNext() {
        fill();
        return !started.isEmpty();
    }

    /**
     * The next result, waited for.
     *
     * @throws CancellationException when the reading thread is interrupted (its interrupt flag set again)
     */
    @Override
    public T next() {
        fill();
        Future<T> head = completed == null ? started.poll() : null;
        if (completed == null && head == null) {
            throw new NoSuchElementException();
        }
        if (completed != null && started.isEmpty()) {
            throw new NoSuchElementException();
        }
        try {
            if (completed != null) {
                head = completed.take();
                started.remove(head);
            }
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            cancel();
            throw new IllegalStateException("work failed: " + e.getCause(), e.getCause());
        }
    }

    /** Stops the inputs started and not handed out (those running end by their own time limit). */
    public void cancel() {
        Future<T> f;
        while ((f = started.poll()) != null) {
            f.cancel(false);
        }
    }

    private void fill() {
        while (started.size() < window && inputs.hasNext()) {
            I input = inputs.next();
            started.add(completed != null ? completed.submit(() -> work.apply(input))
                    : pool.submit(() -> work.apply(input)));
        }
    }
}
