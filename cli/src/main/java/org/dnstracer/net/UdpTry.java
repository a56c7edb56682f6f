package org.dnstracer.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * One UDP try on the calling thread, which blocks until it ends: the query out, then listening until an acceptable
 * reply or the end of the try's time; optionally hedged. What a try does is {@link UdpTryProgress}'s; this class
 * only waits for it.
 *
 * <p>A hedged try that has heard nothing acceptable by {@code hedgeAfter} sends the same question again from a new
 * socket (new port, new ID) and then listens on both: a lost query or reply costs a few round trips instead of the
 * whole wait. Both stay on this one thread (a selector over the two sockets), so the transport's thread bound holds.
 */
final class UdpTry {
    private final TrySockets sockets;
    private final TransportCounters counters;

    UdpTry(TrySockets sockets, TransportCounters counters) {
        this.sockets = sockets;
        this.counters = counters;
    }

    /**
     * @param hedgeAfter how long to wait for the first query's reply before hedging, or null never to hedge; no
     *     hedge either when it is not shorter than {@code timeout}
     * @param hedgeQuery builds the hedge: the same question under a new ID
     */
    Attempt run(ServerAddress server, Message query, Duration timeout, Duration hedgeAfter,
            Supplier<Message> hedgeQuery) {
        UdpTryProgress t = new UdpTryProgress(query, timeout, sockets, counters);
        Selector selector = null;
        try {
            Attempt done = t.send(server, true);
            if (done != null) {
                return done;
            }
            long deadline = t.deadline();
            boolean hedging = t.hedges(hedgeAfter, hedgeQuery);
            done = listen(t, hedging ? t.hedgeAt(hedgeAfter) : deadline);
            if (done != null || !hedging || sockets.isClosed()) {
                return done != null ? done : t.nothingAccepted();
            }
            if (!t.sendHedge(server, hedgeQuery)) {
                done = listen(t, deadline);
                return done != null ? done : t.nothingAccepted();
            }
            try {
                selector = sockets.selector();
                t.first().configureBlocking(false);
                t.first().register(selector, SelectionKey.OP_READ, Boolean.FALSE);
                t.second().register(selector, SelectionKey.OP_READ, Boolean.TRUE);
            } catch (IOException e) {
                return t.closedOr(AttemptResult.SEND_ERROR, e);
            } catch (ClosedSelectorException e) {
                // the transport closed between sending the hedge and waiting for both replies
                return t.closed();
            }
            done = listenBoth(selector, t, deadline);
            return done != null ? done : t.nothingAccepted();
        } finally {
            t.release();
            if (selector != null) {
                sockets.release(selector);
            }
        }
    }

    /** Listens on the one blocking socket until {@code deadline}: the try's end, or null when nothing was accepted. */
    private static Attempt listen(UdpTryProgress t, long deadline) {
        DatagramSocket socket = t.first().socket();
        byte[] buffer = new byte[UdpTryProgress.RECEIVE_BUFFER];
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return null;
            }
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.setSoTimeout(toTimeoutMillis(remaining));
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            } catch (PortUnreachableException e) {
                return t.end(AttemptResult.UNREACHABLE, null, describe(e));
            } catch (IOException e) {
                // on a connected socket other receive errors are ICMP too (host or network unreachable)
                return t.closedOr(AttemptResult.UNREACHABLE, e);
            }
            Attempt accepted = t.judge(Arrays.copyOf(packet.getData(), packet.getLength()), false);
            if (accepted != null) {
                return accepted;
            }
        }
    }

    /** Listens on the first query's socket and the hedge's at once, until {@code deadline}. */
    private Attempt listenBoth(Selector selector, UdpTryProgress t, long deadline) {
        ByteBuffer buffer = ByteBuffer.allocate(UdpTryProgress.RECEIVE_BUFFER);
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                selector.select(toTimeoutMillis(remaining));
                if (sockets.isClosed()) {
                    return t.closed();
                }
                for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Attempt done = t.drain((Boolean) key.attachment(), buffer);
                    if (done != null) {
                        return done;
                    }
                }
            }
        } catch (ClosedSelectorException e) {
            return t.closed();
        } catch (IOException e) {
            return t.closedOr(AttemptResult.UNREACHABLE, e);
        }
    }

    static int toTimeoutMillis(long nanos) {
        // round up: 0 would mean "wait forever" to setSoTimeout and select
        long millis = Math.max(1, (nanos + 999_999) / 1_000_000);
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
