package org.dnstracer.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * Many UDP tries at once on one thread: each try has its own socket on a new ephemeral port, connected to its server
 * (so the kernel drops datagrams from any other address and port, as for {@link UdpTry}), non-blocking and
 * registered with one selector; a heap of deadlines stands in for the blocking socket's timeout. A try is the same
 * {@link UdpTryProgress} as a {@link UdpTry}'s (same sending, acceptance rule, hedge and attempt), without holding
 * a thread while it waits.
 *
 * <p>Everything about a started try (its sockets, its progress) is touched only by the multiplexer's thread; other
 * threads hand tries over through a queue. Finished tries complete their futures on the {@code completions}
 * executor, so that whatever the caller chains onto them never runs on, or stalls, the selector's thread.
 */
final class UdpMultiplexer implements AutoCloseable {
    private final TrySockets sockets;
    private final TransportCounters counters;
    private final Executor completions;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Flight> submitted = new ConcurrentLinkedQueue<>();
    /** Started tries by their next event (hedge or end); finished ones are skipped when they come up. */
    private final PriorityQueue<Flight> timers = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(UdpTryProgress.RECEIVE_BUFFER);
    private volatile boolean closed;

    UdpMultiplexer(TrySockets sockets, TransportCounters counters, Executor completions, String threadName)
            throws IOException {
        this.sockets = sockets;
        this.counters = counters;
        this.completions = completions;
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** One try; see {@link UdpTry#run(ServerAddress, Message, Duration, Duration, Supplier)} for the arguments. */
    CompletableFuture<Attempt> send(ServerAddress server, Message query, Duration timeout, Duration hedgeAfter,
            Supplier<Message> hedgeQuery) {
        Flight flight = new Flight(server, new UdpTryProgress(query, timeout, sockets, counters), hedgeAfter,
                hedgeQuery);
        submitted.add(flight);
        if (closed) {
            settleSubmitted(); // the loop may have gone already: nobody else would
        } else {
            selector.wakeup();
        }
        return flight.future;
    }

    /** The multiplexer's thread, to join; and to tell whether a caller is on it. */
    Thread thread() {
        return thread;
    }

    /** As {@link #closeWithin(Duration)}, waiting at most three seconds. */
    @Override
    public void close() {
        closeWithin(Duration.ofSeconds(3));
    }

    /**
     * Ends every try as cut short by the close and stops the thread; waits for it at most {@code grace}, unless
     * called from the thread itself.
     */
    void closeWithin(Duration grace) {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            while (!closed) {
                long wait = fireTimers(System.nanoTime());
                if (!submitted.isEmpty()) {
                    selector.selectNow();
                } else if (wait < 0) {
                    selector.select();
                } else {
                    selector.select(UdpTry.toTimeoutMillis(wait));
                }
                if (closed) {
                    break;
                }
                for (Flight f; (f = submitted.poll()) != null; ) {
                    start(f);
                }
                for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid()) {
                        read((Leg) key.attachment());
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector itself failed: nothing can be heard any more, so every try ends as if closed
        } finally {
            closed = true;
            for (Flight f; (f = timers.poll()) != null; ) {
                if (!f.done) {
                    finish(f, f.progress.closed());
                }
            }
            settleSubmitted();
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing to do about a selector that will not close
            }
        }
    }

    /** Tries handed over but never started, after the loop: they end as tries the closed transport cut short. */
    private void settleSubmitted() {
        for (Flight f; (f = submitted.poll()) != null; ) {
            complete(f, f.progress.closed());
        }
    }

    /** Hedges and ends what is due; returns the nanoseconds until the next event, or -1 when none is waiting. */
    private long fireTimers(long now) {
        while (!timers.isEmpty()) {
            Flight f = timers.peek();
            if (f.done) {
                timers.poll();
                continue;
            }
            if (f.due > now) {
                return f.due - now;
            }
            timers.poll();
            if (f.due < f.deadline) {
                hedge(f); // the hedge was due: the end comes next
            } else {
                finish(f, f.progress.nothingAccepted());
            }
        }
        return -1;
    }

    private void start(Flight f) {
        UdpTryProgress t = f.progress;
        Attempt failed = t.send(f.server, false);
        if (failed != null) {
            finish(f, failed);
            return;
        }
        f.deadline = t.deadline();
        f.due = t.hedges(f.hedgeAfter, f.hedgeQuery) ? t.hedgeAt(f.hedgeAfter) : f.deadline;
        try {
            t.first().register(selector, SelectionKey.OP_READ, new Leg(f, false));
        } catch (IOException e) {
            finish(f, t.closedOr(AttemptResult.SEND_ERROR, e));
            return;
        }
        timers.add(f);
    }

    /** Sends the hedge; when none goes out the try goes on as an ordinary one. Either way its end is due next. */
    private void hedge(Flight f) {
        f.due = f.deadline;
        if (f.progress.sendHedge(f.server, f.hedgeQuery)) {
            try {
                f.progress.second().register(selector, SelectionKey.OP_READ, new Leg(f, true));
            } catch (IOException e) {
                // the hedge's reply cannot be heard: the first query's still can
            }
        }
        timers.add(f);
    }

    private void read(Leg leg) {
        Flight f = leg.flight;
        if (f.done) {
            return;
        }
        Attempt done = f.progress.drain(leg.hedge, buffer);
        if (done != null) {
            finish(f, done);
        }
    }

    /** Ends a try on the multiplexer's thread: its sockets closed, its future completed elsewhere. */
    private void finish(Flight f, Attempt attempt) {
        f.done = true;
        f.progress.release();
        complete(f, attempt);
    }

    private void complete(Flight f, Attempt attempt) {
        try {
            completions.execute(() -> f.future.complete(attempt));
        } catch (RejectedExecutionException e) {
            f.future.complete(attempt); // the executor has shut down: complete here rather than never
        }
    }

    /** One try in the multiplexer. */
    private static final class Flight {
        final ServerAddress server;
        final UdpTryProgress progress;
        final Duration hedgeAfter;
        final Supplier<Message> hedgeQuery;
        final CompletableFuture<Attempt> future = new CompletableFuture<>();
        long deadline;
        /** When the next event is due: the hedge, then the end. Changes only while out of the heap. */
        long due;
        boolean done;

        Flight(ServerAddress server, UdpTryProgress progress, Duration hedgeAfter, Supplier<Message> hedgeQuery) {
            this.server = server;
            this.progress = progress;
            this.hedgeAfter = hedgeAfter;
            this.hedgeQuery = hedgeQuery;
        }
    }

    /** A socket of a flight: the first query's, or the hedge's. */
    private record Leg(Flight flight, boolean hedge) {}
}
