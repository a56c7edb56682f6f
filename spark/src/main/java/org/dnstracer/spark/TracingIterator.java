package org.dnstracer.spark;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.dnstracer.bulk.BulkInput;

/**
 * The rows of a partition in input order, each traced on a shared pool: up to {@code window} inputs are started
 * ahead of the one handed out, so one task keeps the pool busy while memory stays bounded by the window. A task
 * that ends early (failed or killed) cancels what it started.
 */
final class TracingIterator implements Iterator<Row> {
    private final Iterator<BulkInput> inputs;
    private final ExecutorService pool;
    private final Function<BulkInput, Row> work;
    private final int window;
    private final ArrayDeque<Future<Row>> started = new ArrayDeque<>();

    TracingIterator(Iterator<BulkInput> inputs, ExecutorService pool, Function<BulkInput, Row> work, int window) {
        this.inputs = inputs;
        this.pool = pool;
        this.work = work;
        this.window = window;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !started.isEmpty();
    }

    @Override
    public Row next() {
        fill();
        Future<Row> head = started.poll();
        if (head == null) {
            throw new NoSuchElementException();
        }
        try {
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new CancellationException("task interrupted");
        } catch (ExecutionException e) {
            // the work turns every failure of a name into an error row: this is a bug, and fails the task
            cancel();
            throw new IllegalStateException("tracing failed: " + e.getCause(), e.getCause());
        }
    }

    /** Stops the inputs started and not handed out (the names in flight end by their own time limit). */
    void cancel() {
        Future<Row> f;
        while ((f = started.poll()) != null) {
            f.cancel(false);
        }
    }

    private void fill() {
        while (started.size() < window && inputs.hasNext()) {
            BulkInput input = inputs.next();
            started.add(pool.submit(() -> work.apply(input)));
        }
    }
}
