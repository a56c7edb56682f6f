package org.dnstracer.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * One datagram out, then listening until an acceptable reply or the end of the try's time; optionally hedged.
 *
 * <p>A hedged try that has heard nothing acceptable by {@code hedgeAfter} sends the same question again from a new
 * socket (new port, new ID) and then listens on both: a lost query or reply costs a few round trips instead of the
 * whole wait. Both stay on this one thread (a selector over the two sockets), so the transport's thread bound holds.
 */
final class UdpTry {
    /** The largest possible datagram: the buffer must never be what truncates a reply. */
    private static final int RECEIVE_BUFFER = 65535;

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
        String mismatch = sockets.familyMismatch(server);
        if (mismatch != null) {
            return t.end(AttemptResult.SEND_ERROR, null, mismatch);
        }
        DatagramChannel first;
        try {
            first = sockets.udp(server);
        } catch (IOException e) {
            return t.closedOr(AttemptResult.SEND_ERROR, e);
        } catch (RuntimeException e) {
            return t.end(AttemptResult.SEND_ERROR, null, describe(e));
        }
        DatagramChannel second = null;
        Selector selector = null;
        try {
            try {
                first.write(ByteBuffer.wrap(t.sent));
            } catch (PortUnreachableException e) {
                return t.end(AttemptResult.UNREACHABLE, null, describe(e));
            } catch (IOException e) {
                return t.closedOr(AttemptResult.SEND_ERROR, e);
            }
            counters.sent(Protocol.UDP, t.sent.length);
            t.start = System.nanoTime();
            long deadline = t.start + timeout.toNanos();
            boolean hedging = hedgeAfter != null && hedgeQuery != null && hedgeAfter.compareTo(timeout) < 0;
            Attempt done = listen(first, t, hedging ? t.start + hedgeAfter.toNanos() : deadline);
            if (done != null || !hedging || sockets.isClosed()) {
                return done != null ? done : t.nothingAccepted();
            }
            Message hedge = hedgeQuery.get();
            if (hedge == null) {
                // no hedge to be had now (the pace of the server): the try goes on as an ordinary one
                done = listen(first, t, deadline);
                return done != null ? done : t.nothingAccepted();
            }
            byte[] hedgeWire = hedge.toWire();
            try {
                second = sockets.udp(server);
                second.write(ByteBuffer.wrap(hedgeWire));
            } catch (IOException | RuntimeException e) {
                // the hedge is a shortcut, not a necessity: without it the try goes on as an ordinary one
                done = listen(first, t, deadline);
                return done != null ? done : t.nothingAccepted();
            }
            counters.sent(Protocol.UDP, hedgeWire.length);
            t.hedged(hedge, System.nanoTime() - t.start);
            try {
                selector = sockets.selector();
                first.configureBlocking(false);
                second.configureBlocking(false);
                first.register(selector, SelectionKey.OP_READ, Boolean.FALSE);
                second.register(selector, SelectionKey.OP_READ, Boolean.TRUE);
            } catch (IOException e) {
                return t.closedOr(AttemptResult.SEND_ERROR, e);
            } catch (ClosedSelectorException e) {
                // the transport closed between sending the hedge and waiting for both replies
                return t.closed();
            }
            done = listenBoth(selector, t, deadline);
            return done != null ? done : t.nothingAccepted();
        } finally {
            sockets.release(first);
            if (second != null) {
                sockets.release(second);
            }
            if (selector != null) {
                sockets.release(selector);
            }
        }
    }

    /** Listens on the one blocking socket until {@code deadline}: the try's end, or null when nothing was accepted. */
    private Attempt listen(DatagramChannel channel, UdpTryProgress t, long deadline) {
        DatagramSocket socket = channel.socket();
        byte[] buffer = new byte[RECEIVE_BUFFER];
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
        ByteBuffer buffer = ByteBuffer.allocate(RECEIVE_BUFFER);
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
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    boolean fromHedge = (Boolean) key.attachment();
                    while (true) {
                        buffer.clear();
                        SocketAddress from;
                        try {
                            from = channel.receive(buffer);
                        } catch (PortUnreachableException e) {
                            return t.end(AttemptResult.UNREACHABLE, null, describe(e));
                        }
                        if (from == null) {
                            break;
                        }
                        buffer.flip();
                        byte[] wire = new byte[buffer.remaining()];
                        buffer.get(wire);
                        Attempt accepted = t.judge(wire, fromHedge);
                        if (accepted != null) {
                            return accepted;
                        }
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
