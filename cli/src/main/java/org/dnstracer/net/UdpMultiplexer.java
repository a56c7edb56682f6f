package org.dnstracer.net;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
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
 * registered with one selector; a heap of deadlines stands in for the blocking socket's timeout. A try behaves
 * exactly as a {@link UdpTry} does (same acceptance rule, same hedge, same attempt), without holding a thread
 * while it waits.
 *
 * <p>Everything about a started try (its sockets, its progress) is touched only by the multiplexer's thread; other
 * threads hand tries over through a queue. Finished tries complete their futures on the {@code completions}
 * executor, so that whatever the caller chains onto them never runs on, or stalls, the selector's thread.
 */
final class UdpMultiplexer implements AutoCloseable {
    /** The largest possible datagram: the buffer must never be what truncates a reply. */
    private static final int RECEIVE_BUFFER = 65535;
    /** Datagrams read from one socket in one round: a flooding sender must not starve the other tries. */
    private static final int READS_PER_ROUND = 64;

    private final TrySockets sockets;
    private final TransportCounters counters;
    private final Executor completions;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Flight> submitted = new ConcurrentLinkedQueue<>();
    /** Started tries by their next event (hedge or end); finished ones are skipped when they come up. */
    private final PriorityQueue<Flight> timers = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
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
            if (f.hedgeAt <= now && f.second == null && f.due < f.deadline) {
                hedge(f, now);
            } else {
                finish(f, f.progress.nothingAccepted());
            }
        }
        return -1;
    }

    private void start(Flight f) {
        UdpTryProgress t = f.progress;
        String mismatch = sockets.familyMismatch(f.server);
        if (mismatch != null) {
            finish(f, t.end(AttemptResult.SEND_ERROR, null, mismatch));
            return;
        }
        try {
            f.first = sockets.udp(f.server);
            f.first.configureBlocking(false);
        } catch (IOException e) {
            finish(f, t.closedOr(AttemptResult.SEND_ERROR, e));
            return;
        } catch (RuntimeException e) {
            finish(f, t.end(AttemptResult.SEND_ERROR, null, UdpTry.describe(e)));
            return;
        }
        try {
            if (f.first.write(ByteBuffer.wrap(t.sent)) == 0) {
                finish(f, t.end(AttemptResult.SEND_ERROR, null, "no room in the socket's send buffer"));
                return;
            }
        } catch (PortUnreachableException e) {
            finish(f, t.end(AttemptResult.UNREACHABLE, null, UdpTry.describe(e)));
            return;
        } catch (IOException e) {
            finish(f, t.closedOr(AttemptResult.SEND_ERROR, e));
            return;
        }
        counters.sent(Protocol.UDP, t.sent.length);
        t.start = System.nanoTime();
        f.deadline = t.start + t.timeout.toNanos();
        boolean hedging = f.hedgeAfter != null && f.hedgeQuery != null && f.hedgeAfter.compareTo(t.timeout) < 0;
        f.hedgeAt = hedging ? t.start + f.hedgeAfter.toNanos() : Long.MAX_VALUE;
        f.due = Math.min(f.hedgeAt, f.deadline);
        try {
            f.first.register(selector, SelectionKey.OP_READ, new Leg(f, false));
        } catch (IOException e) {
            finish(f, t.closedOr(AttemptResult.SEND_ERROR, e));
            return;
        }
        timers.add(f);
    }

    /** Sends the hedge from a new socket; when that fails the try goes on as an ordinary one. */
    private void hedge(Flight f, long now) {
        UdpTryProgress t = f.progress;
        f.due = f.deadline;
        DatagramChannel second = null;
        try {
            Message hedge = f.hedgeQuery.get();
            if (hedge == null) {
                timers.add(f); // no hedge to be had now (the pace of the server): an ordinary try
                return;
            }
            byte[] wire = hedge.toWire();
            second = sockets.udp(f.server);
            second.configureBlocking(false);
            if (second.write(ByteBuffer.wrap(wire)) == 0) {
                throw new IOException("no room in the socket's send buffer");
            }
            counters.sent(Protocol.UDP, wire.length);
            t.hedged(hedge, now - t.start);
            second.register(selector, SelectionKey.OP_READ, new Leg(f, true));
            f.second = second;
        } catch (IOException | RuntimeException e) {
            // the hedge is a shortcut, not a necessity
            if (second != null) {
                sockets.release(second);
            }
        }
        timers.add(f);
    }

    private void read(Leg leg) {
        Flight f = leg.flight;
        if (f.done) {
            return;
        }
        DatagramChannel channel = leg.hedge ? f.second : f.first;
        for (int i = 0; i < READS_PER_ROUND; i++) {
            buffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (PortUnreachableException e) {
                finish(f, f.progress.end(AttemptResult.UNREACHABLE, null, UdpTry.describe(e)));
                return;
            } catch (IOException e) {
                // on a connected socket other receive errors are ICMP too (host or network unreachable)
                finish(f, f.progress.closedOr(AttemptResult.UNREACHABLE, e));
                return;
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            byte[] wire = new byte[buffer.remaining()];
            buffer.get(wire);
            Attempt accepted = f.progress.judge(wire, leg.hedge);
            if (accepted != null) {
                finish(f, accepted);
                return;
            }
        }
    }

    /** Ends a try on the multiplexer's thread: its sockets closed, its future completed elsewhere. */
    private void finish(Flight f, Attempt attempt) {
        f.done = true;
        if (f.first != null) {
            sockets.release(f.first);
        }
        if (f.second != null) {
            sockets.release(f.second);
        }
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
        DatagramChannel first;
        DatagramChannel second;
        long hedgeAt = Long.MAX_VALUE;
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
